/**
 * A literal index in front of the graders' regular expressions.
 *
 * Graders ask a hundred or so long vocabulary patterns of every sentence ("\b(?:retention|churn|
 * CSAT|…)\b"). A backtracking engine tries every alternative at every word, so each question costs
 * about as much as the sentence is long, and most answers are "no". Here each pattern is read once
 * (with @eslint-community/regexpp) for the literal strings one of which any match must contain
 * ("retention", "churn", "csat", …), and one Aho–Corasick pass over a sentence finds every such
 * literal of every pattern at once. A pattern none of whose literals occurs cannot match, so it is
 * not run. The answer is exact: the index only skips work whose answer is already known to be no.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';
import { zeroedUint32 } from './slab.js';

/** Strings one of which every match contains, or null when no useful set exists. */
type Literals = string[] | null;
interface Info {
  /** Every string the node can match, when that set is small. */
  exact: string[] | null;
  /** Strings one of which every match of the node contains. */
  need: Literals;
}

const MAX_SET = 64;
/** Longer literals are cut to this many characters in the automaton (see `build`). */
const MAX_LITERAL = 10;
/** Shorter literals occur in almost every sentence: a gate on them saves nothing. */
const MIN_LITERAL = 2;

const unique = (xs: string[]) => [...new Set(xs)];

function cross(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return unique(out);
}

/** The better of two literal sets: longer shortest literal first, then fewer literals. */
function better(a: Literals, b: Literals): Literals {
  const score = (s: Literals) => (s === null || s.length === 0 || s.includes('') ? -1 : Math.min(...s.map((x) => x.length)));
  const sa = score(a);
  const sb = score(b);
  if (sa < 0 && sb < 0) return null;
  if (sa !== sb) return sa > sb ? a : b;
  return a!.length <= b!.length ? a : b;
}

/**
 * A character of a literal, lower-cased, or null when lower-casing the text might not preserve it.
 * ASCII and uncased characters are safe. A cased letter beyond ASCII is not: case-insensitive
 * matching equates characters through their upper case, so /σ/i matches "ς", which lower-cases to
 * itself; such letters end a literal instead.
 */
function char(value: number): string | null {
  const c = String.fromCodePoint(value);
  if (value < 128 || c.toLowerCase() === c.toUpperCase()) return c.toLowerCase();
  return null;
}

function classChars(node: AST.CharacterClass): string[] | null {
  if (node.negate || node.unicodeSets) return null;
  const out: string[] = [];
  for (const e of node.elements) {
    if (e.type === 'Character') {
      const c = char(e.value);
      if (c === null) return null;
      out.push(c);
    } else if (e.type === 'CharacterClassRange') {
      if (e.max.value - e.min.value > 16) return null;
      for (let v = e.min.value; v <= e.max.value; v++) {
        const c = char(v);
        if (c === null) return null;
        out.push(c);
      }
    } else if (e.type === 'CharacterSet' && e.kind === 'digit' && !e.negate) {
      for (let v = 48; v <= 57; v++) out.push(String.fromCharCode(v));
    } else return null;
  }
  const set = unique(out);
  return set.length <= MAX_SET ? set : null;
}

function alternatives(alts: AST.Alternative[]): Info {
  const infos = alts.map(sequence);
  const exact = infos.every((i) => i.exact) ? unique(infos.flatMap((i) => i.exact!)) : null;
  // Every alternative must bring its own set, or nothing is known.
  const parts = infos.map((i) => better(i.need, i.exact));
  const need = parts.every((p) => p !== null) ? unique(parts.flatMap((p) => p!)) : null;
  return { exact: exact && exact.length <= MAX_SET ? exact : null, need };
}

function sequence(alt: AST.Alternative): Info {
  let running: string[] | null = [''];
  let whole = true;
  let best: Literals = null;
  const cut = () => {
    best = better(best, running);
    running = [''];
    whole = false;
  };
  for (const el of alt.elements) {
    const info = element(el);
    if (info.exact) {
      const next = cross(running!, info.exact);
      if (next) running = next;
      else {
        cut();
        running = info.exact;
      }
      continue;
    }
    if (el.type === 'Quantifier' && el.min >= 1) {
      // At least one copy stands right after what came before, and the last copy right before what follows.
      const inner = element(el.element);
      if (inner.exact) {
        const joined = cross(running!, inner.exact);
        best = better(best, joined);
        cut();
        running = inner.exact;
        continue;
      }
    }
    cut();
    best = better(best, info.need);
  }
  const exact = whole ? running : null;
  best = better(best, running);
  return { exact, need: best };
}

function element(el: AST.Element): Info {
  switch (el.type) {
    case 'Character': {
      const c = char(el.value);
      return { exact: c === null ? null : [c], need: null };
    }
    case 'CharacterClass': {
      const chars = classChars(el);
      return { exact: chars, need: null };
    }
    case 'CharacterSet':
      if (el.kind === 'digit' && !el.negate) return { exact: '0123456789'.split(''), need: null };
      return { exact: null, need: null };
    case 'Group':
    case 'CapturingGroup':
      return alternatives(el.alternatives);
    case 'Assertion':
      // Zero-width: \b, ^, $, look-arounds consume nothing.
      return { exact: [''], need: null };
    case 'Quantifier': {
      const inner = element(el.element);
      if (el.max === 0) return { exact: [''], need: null };
      if (el.min === 1 && el.max === 1) return inner;
      if (el.min === 0) return { exact: el.max === 1 && inner.exact ? unique(['', ...inner.exact]) : null, need: null };
      return { exact: null, need: better(inner.need, inner.exact) };
    }
    default:
      return { exact: null, need: null };
  }
}

/** Does every match of the node contain a digit? */
function needsDigit(alts: AST.Alternative[]): boolean {
  return alts.every((alt) => alt.elements.some(elementNeedsDigit));
}

function elementNeedsDigit(el: AST.Element): boolean {
  switch (el.type) {
    case 'Character':
      return el.value >= 48 && el.value <= 57;
    case 'CharacterClass': {
      const chars = classChars(el);
      return chars !== null && chars.every((c) => c >= '0' && c <= '9');
    }
    case 'CharacterSet':
      return el.kind === 'digit' && !el.negate;
    case 'Group':
    case 'CapturingGroup':
      return needsDigit(el.alternatives);
    case 'Quantifier':
      return el.min >= 1 && elementNeedsDigit(el.element);
    default:
      return false;
  }
}

/**
 * What the index can know of a pattern, from one parse: the literals (lower-cased) one of which
 * every match contains (null: no useful set), and whether every match holds a digit.
 */
function analyse(re: RegExp): { literals: string[] | null; digit: boolean } {
  let ast: AST.RegExpLiteral;
  try {
    ast = parseRegExpLiteral(re);
  } catch {
    return { literals: null, digit: false };
  }
  const digit = needsDigit(ast.pattern.alternatives);
  if (ast.flags.unicodeSets || ast.flags.multiline) return { literals: null, digit };
  const info = alternatives(ast.pattern.alternatives);
  const set = better(info.need, info.exact);
  return { literals: !set || set.some((x) => x.length < MIN_LITERAL) ? null : set, digit };
}

/** Does the node hold a capturing group or a backreference (answers then depend on group numbers)? */
function capturesIn(node: AST.Node): boolean {
  switch (node.type) {
    case 'CapturingGroup':
    case 'Backreference':
      return true;
    case 'Pattern':
    case 'Group':
      return node.alternatives.some(capturesIn);
    case 'Alternative':
      return node.elements.some(capturesIn);
    case 'Assertion':
      return 'alternatives' in node && node.alternatives.some(capturesIn);
    case 'Quantifier':
      return capturesIn(node.element);
    default:
      return false;
  }
}

/**
 * The pattern as a list of alternatives that together match exactly what it matches
 * ("a|b|c", or "\b(?:a|b|c)\b" distributed to "\b(?:a)\b", …), or null when it cannot be split
 * that way (one alternative, capturing groups, sticky or match-indices flags).
 */
function splitAlternatives(re: RegExp): string[] | null {
  if (re.sticky || re.hasIndices) return null;
  let ast: AST.RegExpLiteral;
  try {
    ast = parseRegExpLiteral(re);
  } catch {
    return null;
  }
  if (capturesIn(ast.pattern)) return null;
  const alts = ast.pattern.alternatives;
  if (alts.length >= 2) return alts.map((a) => a.raw);
  const els = alts[0]!.elements;
  const groups = els.filter((e) => e.type === 'Group');
  if (groups.length !== 1 || !els.every((e) => e.type === 'Group' || e.type === 'Assertion')) return null;
  const group = groups[0] as AST.Group;
  if (group.alternatives.length < 2) return null;
  const at = els.indexOf(group);
  const before = els.slice(0, at).map((e) => e.raw).join('');
  const after = els.slice(at + 1).map((e) => e.raw).join('');
  return group.alternatives.map((a) => `${before}(?:${a.raw})${after}`);
}

/** The literals (lower-cased) one of which every match of `re` contains; null when there is no useful set. */
export function requiredLiterals(re: RegExp): string[] | null {
  return analyse(re).literals;
}

/** True when every match of `re` contains a digit ("$1.2M", "40%"): a text without one cannot match. */
export function requiresDigit(re: RegExp): boolean {
  return analyse(re).digit;
}

// ---------------------------------------------------------------------------------------------
// The index: one automaton over the literals of every pattern made with `indexed`.

interface Automaton {
  /** The column of each code unit below 128 in `ascii`: 0 for characters no literal holds (they lead back to the root). */
  column: Uint8Array;
  /** Columns per state in `ascii`. */
  width: number;
  /** Transitions for code units below 128, dense over the characters literals use: state * width + column. */
  ascii: Uint16Array | Int32Array;
  /** Transitions for other code units (goto only; the failure links complete them). */
  other: Map<number, number>[];
  fail: Int32Array;
  /** Gate ids whose literal ends at each state (its own and its failure chain's): outGates[outStart[s]] up to outStart[s + 1]. */
  outStart: Int32Array;
  outGates: Int32Array;
  gates: number;
}

/** Gate 0 is not a literal set: it says whether the text has a digit. */
const literalsOfGate: string[][] = [[]];
let automaton: Automaton | null = null;
let pending = true;

function build(): Automaton {
  const gotoAscii: number[][] = [[]];
  const other: Map<number, number>[] = [new Map()];
  const outs: Set<number>[] = [new Set()];
  const add = (s: string, gate: number) => {
    let state = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      let next = c < 128 ? gotoAscii[state]![c] : other[state]!.get(c);
      if (next === undefined) {
        next = gotoAscii.length;
        gotoAscii.push([]);
        other.push(new Map());
        outs.push(new Set());
        if (c < 128) gotoAscii[state]![c] = next;
        else other[state]!.set(c, next);
      }
      state = next;
    }
    outs[state]!.add(gate);
  };
  // A literal's first MAX_LITERAL characters are a literal too: every match holds them. Cutting
  // long literals there keeps the trie (and its dense table) small at little cost in precision.
  literalsOfGate.forEach((lits, gate) => lits.forEach((l) => add(l.slice(0, MAX_LITERAL), gate)));
  const n = gotoAscii.length;
  // A dense row per state over the characters literals use (a few dozen, not 128), so the table
  // stays small enough for the cache; every other character leads back to the root.
  const column = new Uint8Array(128);
  let width = 1;
  for (const row of gotoAscii) row.forEach((next, c) => {
    if (next !== undefined && column[c] === 0) column[c] = width++;
  });
  // Two bytes a transition while the states fit (they number some tens of thousands), else four.
  const ascii = n <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
  const fail = new Int32Array(n);
  // Breadth-first: a state's failure link is resolved before its children's.
  const queue: number[] = [];
  for (let c = 0; c < 128; c++) {
    const next = gotoAscii[0]![c];
    if (next === undefined) continue;
    ascii[column[c]!] = next;
    queue.push(next);
  }
  for (const next of other[0]!.values()) queue.push(next);
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (const g of outs[fail[s]!]!) outs[s]!.add(g);
    const row = s * width;
    const failRow = fail[s]! * width;
    for (let k = 1; k < width; k++) ascii[row + k] = ascii[failRow + k]!;
    gotoAscii[s]!.forEach((next, c) => {
      if (next === undefined) return;
      fail[next] = ascii[failRow + column[c]!]!;
      ascii[row + column[c]!] = next;
      queue.push(next);
    });
    for (const [c, next] of other[s]!) {
      fail[next] = step({ column, width, ascii, other, fail }, fail[s]!, c);
      queue.push(next);
    }
  }
  const outStart = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) outStart[s + 1] = outStart[s]! + outs[s]!.size;
  const outGates = new Int32Array(outStart[n]!);
  outs.forEach((o, s) => [...o].forEach((g, k) => (outGates[outStart[s]! + k] = g)));
  return { column, width, ascii, other, fail, outStart, outGates, gates: literalsOfGate.length };
}

function step(a: Pick<Automaton, 'column' | 'width' | 'ascii' | 'other' | 'fail'>, state: number, c: number): number {
  if (c < 128) return a.ascii[state * a.width + a.column[c]!]!;
  for (let s = state; ; s = a.fail[s]!) {
    const next = a.other[s]!.get(c);
    if (next !== undefined) return next;
    if (s === 0) return 0;
  }
}

/**
 * Which gates have one of their literals in `text`: a bit per gate (set: may match), and in the
 * last word the number of gates the automaton knew (a gate made later is never ruled out).
 */
function scan(a: Automaton, text: string): IndexView {
  const words = (a.gates + 31) >>> 5;
  const hit = zeroedUint32(words + 1);
  hit[words] = a.gates;
  const lower = text.toLowerCase();
  const { column, width, ascii, outStart, outGates } = a;
  let state = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 48 && c <= 57) hit[0]! |= 1;
    state = c < 128 ? ascii[state * width + column[c]!]! : step(a, state, c);
    for (let k = outStart[state]!, end = outStart[state + 1]!; k < end; k++) {
      const g = outGates[k]!;
      hit[g >>> 5]! |= 1 << (g & 31);
    }
  }
  return hit;
}

/** The index's answer for one text (see `scan`). */
export type IndexView = Uint32Array;

/** Rebuild the automaton if patterns were indexed since; called between submissions (`buildUnits`). */
export function refreshIndex(): void {
  if (!pending) return;
  pending = false;
  automaton = build();
  scans.clear();
  lastText = undefined;
}

const scans = new Map<string, IndexView>();
let lastText: string | undefined;
let lastHits: IndexView | undefined;

/** Forget every text's view (benchmarks: grading a submission whose text was never seen before). */
export function forgetScans(): void {
  scans.clear();
  lastText = undefined;
  lastHits = undefined;
}

/** The index's view of `text` (see `scan`); remembered per text. */
function hitsOf(a: Automaton, text: string): IndexView {
  // Graders often ask several questions of one sentence in a row.
  if (text === lastText) return lastHits!;
  let hits = scans.get(text);
  if (!hits) {
    if (scans.size > 50_000) scans.clear();
    hits = scan(a, text);
    scans.set(text, hits);
  }
  lastText = text;
  lastHits = hits;
  return hits;
}

/**
 * The index's view of one text, for callers that ask many patterns of it (`is` in text.ts keeps it
 * per unit): `skips(view, re)` is true when `re` cannot match the text. Null: no index yet.
 */
export function indexView(text: string): IndexView | null {
  const a = automaton;
  return a === null ? null : hitsOf(a, text);
}

/** True when `view` (from `indexView`) shows that the indexed pattern `re` cannot match. */
export function skips(view: IndexView | null, re: RegExp): boolean {
  return view !== null && re instanceof IndexedRegExp && blocked(view, re.gate, re.digit);
}

/** Does the view rule the pattern out: a digit it needs is missing, or all of its literals are? */
function blocked(view: IndexView, gate: number, digit: boolean): boolean {
  return (digit && (view[0]! & 1) === 0) || (gate > 0 && gate < view[view.length - 1]! && ((view[gate >>> 5]! >>> (gate & 31)) & 1) === 0);
}

/**
 * Does `re` match `text`, given the index's `view` of it (from `indexView`)? For a split pattern only
 * the alternatives whose literals occur are run; otherwise the plain pattern is.
 */
export function testWithView(view: IndexView | null, re: RegExp, text: string): boolean {
  if (re instanceof IndexedRegExp) {
    if (view !== null && blocked(view, re.gate, re.digit)) return false;
    if (view !== null && re.pieces !== null) {
      for (const p of re.pieces) if (!blocked(view, p.gate, p.digit) && p.re.test(text)) return true;
      return false;
    }
    re.plain.lastIndex = 0;
    return re.plain.test(text);
  }
  re.lastIndex = 0;
  return re.test(text);
}


const numbers = new Map<RegExp, number>();
let numbered = 0;

/** How many pattern numbers have been given out. */
export function patternCount(): number {
  return numbered;
}

/** A small number for each pattern, for callers that keep answers in arrays (`is` in text.ts). */
export function patternNumber(re: RegExp): number {
  if (re instanceof IndexedRegExp) return re.number;
  let n = numbers.get(re);
  if (n === undefined) numbers.set(re, (n = numbered++));
  return n;
}

/**
 * A regular expression that first asks the literal index (`indexed`). Every way of running it
 * (test, exec, match, matchAll, replace, search) skips a text it cannot match, and otherwise runs
 * a plain twin, which keeps the engine's fast paths; `lastIndex` is carried across for global and
 * sticky patterns, so it behaves exactly as the plain pattern would.
 */
class IndexedRegExp extends RegExp {
  /** Its literal set in the automaton (-1: none). */
  readonly gate: number;
  /** Every match holds a digit. */
  readonly digit: boolean;
  readonly plain: RegExp;
  /** The alternatives, each behind its own gate (-1: always run), when the pattern splits into several (not global: exec and test). */
  readonly pieces: Piece[] | null;
  /** The same for a global pattern, for matchAll and replace (each piece global too, so it searches from a lastIndex). */
  readonly globalPieces: Piece[] | null;
  readonly number = numbered++;
  static override get [Symbol.species](): RegExpConstructor {
    return RegExp;
  }
  constructor(re: RegExp, gate: number, digit: boolean, pieces: Piece[] | null = null) {
    super(re.source, re.flags);
    this.gate = gate;
    this.digit = digit;
    this.plain = new RegExp(re.source, re.flags);
    this.pieces = re.global ? null : pieces;
    this.globalPieces = re.global ? pieces : null;
  }
  /**
   * Every match from `start` on, as the global pattern's matchAll finds them, running only the alternatives whose
   * literals occur. Each alternative's leftmost match from the current position is kept until the position passes it
   * (searching again from later finds the same match); the next match is the leftmost of them, the earliest
   * alternative at one position, exactly as the whole pattern would choose.
   */
  private *piecewiseAll(view: IndexView, text: string, start: number): Generator<RegExpExecArray, void, undefined> {
    const live = this.globalPieces!.filter((p) => !blocked(view, p.gate, p.digit));
    const found: (RegExpExecArray | null | undefined)[] = new Array(live.length);
    const unicode = this.unicode || this.flags.includes('v');
    let at = start;
    while (at <= text.length) {
      let best: RegExpExecArray | null = null;
      for (let k = 0; k < live.length; k++) {
        let m = found[k];
        if (m === undefined || (m !== null && m.index < at)) {
          const re = live[k]!.re;
          re.lastIndex = at;
          found[k] = m = re.exec(text);
        }
        if (m !== null && (best === null || m.index < best.index)) best = m;
      }
      if (best === null) return;
      yield best;
      at = best.index + best[0].length;
      // An empty match moves on by one character (a whole code point for a unicode pattern), as matchAll does.
      if (best[0].length === 0) at += unicode && at + 1 < text.length && isSurrogatePair(text, at) ? 2 : 1;
    }
  }
  /**
   * Only the alternatives whose own literals occur are run; the match is the leftmost one, and at
   * one position the earliest alternative wins, exactly as the whole pattern would choose.
   */
  private piecewise(view: IndexView, text: string): RegExpExecArray | null {
    let best: RegExpExecArray | null = null;
    for (const p of this.pieces!) {
      if (blocked(view, p.gate, p.digit)) continue;
      const m = p.re.exec(text);
      if (m !== null && (best === null || m.index < best.index)) {
        best = m;
        if (m.index === 0) break;
      }
    }
    return best;
  }
  private pass(input: string): boolean {
    const a = automaton;
    return a === null || !blocked(hitsOf(a, input), this.gate, this.digit);
  }
  /** The plain twin, with this pattern's lastIndex, ready to run (null: the text cannot match). */
  private twin(text: string): RegExp | null {
    if (!this.pass(text)) {
      if (this.global || this.sticky) this.lastIndex = 0;
      return null;
    }
    const plain = this.plain;
    plain.lastIndex = this.lastIndex;
    return plain;
  }
  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    if (this.pieces !== null && automaton !== null) {
      const view = hitsOf(automaton, text);
      return blocked(view, this.gate, this.digit) ? null : this.piecewise(view, text);
    }
    const plain = this.twin(text);
    if (plain === null) return null;
    const out = plain.exec(text);
    this.lastIndex = plain.lastIndex;
    return out;
  }
  override test(input: string): boolean {
    const text = String(input);
    if (this.pieces !== null && automaton !== null) return testWithView(hitsOf(automaton, text), this, text);
    const plain = this.twin(text);
    if (plain === null) return false;
    const out = plain.test(text);
    this.lastIndex = plain.lastIndex;
    return out;
  }
  override [Symbol.match](input: string): RegExpMatchArray | null {
    const text = String(input);
    const plain = this.twin(text);
    if (plain === null) return null;
    const out = plain[Symbol.match](text);
    this.lastIndex = plain.lastIndex;
    return out;
  }
  override [Symbol.matchAll](input: string): RegExpStringIterator<RegExpMatchArray> {
    const text = String(input);
    if (!this.pass(text)) return ([] as RegExpMatchArray[])[Symbol.iterator]() as unknown as RegExpStringIterator<RegExpMatchArray>;
    if (this.globalPieces !== null && automaton !== null) return this.piecewiseAll(hitsOf(automaton, text), text, this.lastIndex) as unknown as RegExpStringIterator<RegExpMatchArray>;
    const plain = this.plain;
    plain.lastIndex = this.lastIndex;
    return plain[Symbol.matchAll](text);
  }
  override [Symbol.replace](input: string, replacement: string | ((substring: string, ...args: any[]) => string)): string {
    const text = String(input);
    const plain = this.twin(text);
    if (plain === null) return text;
    // A global pattern replaced by a plain string (no "$" patterns): every match, found alternative by alternative.
    if (this.globalPieces !== null && automaton !== null && typeof replacement === 'string' && !replacement.includes('$')) {
      let out = '';
      let last = 0;
      for (const m of this.piecewiseAll(hitsOf(automaton, text), text, 0)) {
        out += text.slice(last, m.index) + replacement;
        last = m.index + m[0].length;
      }
      this.lastIndex = 0;
      return out + text.slice(last);
    }
    const out = plain[Symbol.replace](text, replacement as string);
    this.lastIndex = plain.lastIndex;
    return out;
  }
  override [Symbol.search](input: string): number {
    const text = String(input);
    if (!this.pass(text)) return -1;
    return this.plain[Symbol.search](text);
  }
}

/**
 * `re` behind the literal index (see IndexedRegExp). A pattern with no useful literal set that
 * does not need a digit is returned as it is. Literal sets join the automaton at the next `refreshIndex`.
 */
export function indexed(re: RegExp): RegExp {
  const { literals, digit } = analyse(re);
  const split = splitAlternatives(re);
  // A long alternation is also split: each alternative gets its own gate, so a sentence that holds
  // the literal of one alternative runs that alternative alone, not the whole pattern.
  const pieces = split !== null && split.length >= 3 ? split.map((source) => piece(new RegExp(source, re.flags))) : null;
  if (!literals && !digit && (pieces === null || pieces.every((p) => p.gate === -1 && !p.digit))) return re;
  return new IndexedRegExp(re, gateOf(literals), digit, pieces);
}

function gateOf(literals: string[] | null): number {
  if (!literals) return -1;
  literalsOfGate.push(literals);
  pending = true;
  return literalsOfGate.length - 1;
}

interface Piece {
  re: RegExp;
  gate: number;
  digit: boolean;
}

function isSurrogatePair(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  const b = text.charCodeAt(i + 1);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

function piece(re: RegExp): Piece {
  const { literals, digit } = analyse(re);
  return { re, gate: gateOf(literals), digit };
}
