/**
 * DOCX (WordprocessingML) → mdast, without mammoth: the package is opened with `SafeZip` (inflated
 * once, under our limits) and every part is streamed through `walkXml` (our OOXML scanner), matching elements
 * by local name so Transitional and Strict OOXML read the same.
 *
 * What is read, in the "accepted changes" view:
 * - paragraphs (`w:p`), text in `w:t` and Office Math `m:t`; `w:tab` → space, `w:br`/`w:cr` → newline;
 * - tracked changes: `w:ins`/`w:moveTo` kept, `w:del`/`w:moveFrom` dropped;
 * - content controls (`w:sdt`), smart tags, custom XML, hyperlinks and simple fields are transparent;
 *   field codes (`w:instrText`) are dropped, field results kept;
 * - `mc:AlternateContent`: the `mc:Choice` is read, the `mc:Fallback` (a duplicate) skipped;
 * - text boxes (`w:txbxContent`, DrawingML or VML) become blocks after the paragraph anchoring them;
 * - headings from paragraph styles (by style name or outline level, never by the opaque style id);
 * - numbered/bulleted paragraphs (`w:numPr`, direct or via style) become lists;
 * - tables become mdast tables (vertically merged continuation cells are empty, nested tables are
 *   flattened into their cell);
 * - footnotes and endnotes are appended at the end under a "Footnotes" / "Endnotes" heading.
 * Headers, footers, comments, images and charts are not read.
 *
 * Pages: Word records where it broke pages when it last laid the document out
 * (`w:lastRenderedPageBreak`); hard breaks (`w:br w:type="page"`, `w:pageBreakBefore`) count too.
 * A rendered break that immediately follows a hard break (before any text) is the same break and is
 * counted once. Files never laid out by Word (generated ones) only know their hard breaks.
 */
import type { List, RootContent } from 'mdast';
import { GradesheetError } from '../../errors.js';
import { mdast, type Reader } from '../ir.js';
import { assertNoDoctype, attr, readRelationships, resolvePartPath, walkXml } from '../xml.js';
import { SafeZip } from '../zip.js';

type Depth = 1 | 2 | 3 | 4 | 5 | 6;

type Block =
  | { kind: 'heading'; depth: Depth; text: string; page: number }
  | { kind: 'paragraph'; text: string; page: number }
  | { kind: 'item'; ordered: boolean; text: string; page: number }
  | { kind: 'table'; rows: string[][]; page: number };

/** The paragraph properties a style and a paragraph's own w:pPr share. */
interface ParagraphProperties {
  outlineLvl?: number;
  numId?: string;
  ilvl?: string;
  pageBreakBefore?: boolean;
}

/** Read one w:pPr child into a style or a paragraph (one reading for both). */
function readParagraphProperty(target: ParagraphProperties, name: string, a: Record<string, string>): void {
  switch (name) {
    case 'numId':
      target.numId = attr(a, 'val');
      break;
    case 'ilvl':
      target.ilvl = attr(a, 'val');
      break;
    case 'outlineLvl': {
      const lvl = Number(attr(a, 'val'));
      if (Number.isInteger(lvl)) target.outlineLvl = lvl;
      break;
    }
    case 'pageBreakBefore':
      target.pageBreakBefore = isOn(attr(a, 'val'));
      break;
  }
}

interface StyleDef {
  name?: string;
  basedOn?: string;
  outlineLvl?: number;
  numId?: string;
  ilvl?: string;
  pageBreakBefore?: boolean;
}

interface Styles {
  byId: Map<string, StyleDef>;
  defaultParagraph?: string;
}

/** numId → ilvl → numFmt ("bullet", "decimal", …). */
type Numbering = Map<string, Map<string, string>>;

const OFFICE_DOCUMENT_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
]);

/** Elements whose whole content is ignored (deleted text, duplicates, properties that hold no text). */
const SKIP = new Set([
  'del', // tracked deletion (accepted view)
  'moveFrom', // tracked move: the source copy
  'Fallback', // mc:Fallback duplicates mc:Choice
  'sdtPr',
  'sdtEndPr',
  'rPr', // run properties (and the paragraph mark's, which can hold w:del / w:ins markers)
  'pPrChange',
  'rPrChange',
  'sectPrChange',
  'tblPrChange',
  'tcPrChange',
  'trPrChange',
  'numberingChange',
  'sectPr',
  'tblPr',
  'tblGrid',
  'trPr',
  'instrText', // field codes: the instruction is not text; the result after "separate" is
  'delText',
  'delInstrText',
  'rt', // ruby (phonetic guide) text above the base text
]);

const NOTE_SKIP_TYPES = new Set(['separator', 'continuationSeparator', 'continuationNotice']);

/** The first bytes of an OLE2 compound file: how Word stores encrypted .docx (and legacy .doc). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const readDocx: Reader = async (bytes, ctx) => {
  const { file } = ctx;
  refuseCompoundFile(bytes, file);
  const zip = SafeZip.open(bytes, file, ctx.limits);
  const lookup = partLookup(zip);

  // Main part: the officeDocument relationship of the package, else the conventional path.
  const packageRels = readRelationships(readPart(zip, lookup, '_rels/.rels'), file, '_rels/.rels');
  const candidates = new Set<string>();
  for (const rel of packageRels.values()) {
    if (!rel.external && OFFICE_DOCUMENT_TYPES.has(rel.type)) candidates.add(resolvePartPath('', rel.target));
  }
  candidates.add('word/document.xml');
  let mainPart: string | undefined;
  let mainXml: string | undefined;
  let notADocument: string | undefined;
  for (const candidate of candidates) {
    const name = lookup(candidate);
    if (!name || name === notADocument) continue;
    const xml = zip.readText(name);
    if (xml === undefined) continue;
    assertNoDoctype(xml, file, name);
    if (rootElementName(xml) !== 'document') {
      notADocument ??= name;
      continue;
    }
    mainPart = name;
    mainXml = xml;
    break;
  }
  if (mainPart === undefined || mainXml === undefined) {
    const why = notADocument ? `its main part ${notADocument} is not a Word document body` : 'there is no word/document.xml part';
    throw new GradesheetError('missing_main_part', `${file} has no document body (${why}). Save it as a Word document (.docx) and upload it again.`, { file });
  }

  // Parts the body refers to, found through the main part's relationships.
  const relsPath = relationshipsPartOf(mainPart);
  const docRels = readRelationships(readPart(zip, lookup, relsPath), file, relsPath);
  const related = (kind: string, fallback: string): string | undefined => {
    for (const rel of docRels.values()) {
      if (!rel.external && rel.type.endsWith(`/${kind}`)) {
        const found = lookup(resolvePartPath(mainPart, rel.target));
        if (found) return found;
      }
    }
    return lookup(resolvePartPath(mainPart, fallback));
  };

  const stylesPart = related('styles', 'styles.xml');
  const styles = readStyles(stylesPart ? zip.readText(stylesPart) : undefined, file, stylesPart ?? 'styles.xml');
  const numberingPart = related('numbering', 'numbering.xml');
  const numbering = readNumbering(numberingPart ? zip.readText(numberingPart) : undefined, file, numberingPart ?? 'numbering.xml');

  const body = walkStory(mainXml, file, mainPart, styles, numbering, 'body');
  const blocks = body.blocks;
  const lastPage = blocks.length ? blocks[blocks.length - 1]!.page : 1;

  for (const [kind, heading] of [
    ['footnotes', 'Footnotes'],
    ['endnotes', 'Endnotes'],
  ] as const) {
    const part = related(kind, `${kind}.xml`);
    if (!part) continue;
    const xml = zip.readText(part);
    if (!xml) continue;
    const notes = walkStory(xml, file, part, styles, numbering, 'notes').blocks;
    if (notes.length === 0) continue;
    blocks.push({ kind: 'heading', depth: 2, text: heading, page: lastPage });
    for (const note of notes) blocks.push({ ...note, page: lastPage });
  }

  return { tree: { type: 'root', children: toMdast(blocks) }, stats: { pages: body.pages } };
};

// ---------------------------------------------------------------------------------------------
// Package helpers

function refuseCompoundFile(bytes: Uint8Array, file: string): void {
  if (bytes.length < 8 || !CFB_MAGIC.every((b, i) => bytes[i] === b)) return;
  // "EncryptedPackage" as a UTF-16LE stream name marks an encrypted OOXML file.
  const marker = 'EncryptedPackage';
  outer: for (let i = 0; i + marker.length * 2 <= bytes.length; i++) {
    for (let j = 0; j < marker.length; j++) {
      if (bytes[i + 2 * j] !== marker.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    throw new GradesheetError('encrypted_file', `${file} is password-protected. Remove the password and upload it again.`, { file });
  }
  throw new GradesheetError(
    'unsupported_format',
    `${file} is an old-style Word 97–2003 document, not a .docx. Save it as a Word document (.docx) and upload it again.`,
    { file },
  );
}

/** Part names in OPC are case-insensitive: resolve a name to the spelling the archive uses. */
function partLookup(zip: SafeZip): (name: string) => string | undefined {
  let lower: Map<string, string> | undefined;
  return (name) => {
    if (zip.has(name)) return name;
    if (!lower) {
      lower = new Map();
      for (const n of zip.names()) if (!lower.has(n.toLowerCase())) lower.set(n.toLowerCase(), n);
    }
    return lower.get(name.toLowerCase());
  };
}

function readPart(zip: SafeZip, lookup: (name: string) => string | undefined, name: string): string | undefined {
  const found = lookup(name);
  return found ? zip.readText(found) : undefined;
}

function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Local name of the root element, skipping the XML declaration, comments and processing instructions. */
function rootElementName(xml: string): string | undefined {
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) return undefined;
    const next = xml[i + 1];
    let end: number;
    if (next === '?') end = xml.indexOf('?>', i);
    else if (next === '!') end = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) : xml.indexOf('>', i);
    else break;
    if (end < 0) return undefined;
    i = end + 1;
  }
  const m = /^<([^\s/>]+)/.exec(xml.slice(i, i + 200));
  if (!m) return undefined;
  const name = m[1]!;
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

// ---------------------------------------------------------------------------------------------
// Styles and numbering

function readStyles(xml: string | undefined, file: string, part: string): Styles {
  const styles: Styles = { byId: new Map() };
  if (!xml) return styles;
  let current: StyleDef | undefined;
  let skip = 0;
  walkXml(xml, file, part, {
    open(name, a) {
      if (skip > 0) {
        skip++;
        return;
      }
      switch (name) {
        case 'style': {
          const type = attr(a, 'type') ?? 'paragraph';
          const id = attr(a, 'styleId');
          if (type !== 'paragraph' || id === undefined) {
            skip = 1;
            return;
          }
          current = {};
          styles.byId.set(id, current);
          const def = attr(a, 'default');
          if (def === '1' || def === 'true' || def === 'on') styles.defaultParagraph ??= id;
          return;
        }
        case 'rPr':
        case 'tblPr':
        case 'trPr':
        case 'tcPr':
        case 'tblStylePr':
        case 'pPrChange':
        case 'rPrChange':
        case 'docDefaults':
        case 'latentStyles':
          skip = 1;
          return;
      }
      if (!current) return;
      switch (name) {
        case 'name':
          current.name = attr(a, 'val');
          break;
        case 'basedOn':
          current.basedOn = attr(a, 'val');
          break;
        default:
          readParagraphProperty(current, name, a);
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === 'style') current = undefined;
    },
  });
  return styles;
}

function readNumbering(xml: string | undefined, file: string, part: string): Numbering {
  const result: Numbering = new Map();
  if (!xml) return result;
  const abstractFormats = new Map<string, Map<string, string>>();
  const numToAbstract = new Map<string, string>();
  let abstract: Map<string, string> | undefined;
  let level: string | undefined;
  let num: string | undefined;
  let skip = 0;
  walkXml(xml, file, part, {
    open(name, a) {
      if (skip > 0) {
        skip++;
        return;
      }
      switch (name) {
        case 'abstractNum':
          abstract = new Map();
          abstractFormats.set(attr(a, 'abstractNumId') ?? '', abstract);
          break;
        case 'lvl':
          level = attr(a, 'ilvl');
          break;
        case 'numFmt':
          if (abstract && level !== undefined) abstract.set(level, attr(a, 'val') ?? 'decimal');
          break;
        case 'num':
          num = attr(a, 'numId');
          break;
        case 'abstractNumId':
          if (num !== undefined) numToAbstract.set(num, attr(a, 'val') ?? '');
          break;
        case 'lvlOverride':
        case 'pPr':
        case 'rPr':
          skip = 1;
          break;
      }
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (name === 'abstractNum') abstract = undefined;
      else if (name === 'lvl') level = undefined;
      else if (name === 'num') num = undefined;
    },
  });
  for (const [numId, abstractId] of numToAbstract) {
    const formats = abstractFormats.get(abstractId);
    if (formats) result.set(numId, formats);
  }
  return result;
}

function isOn(val: string | undefined): boolean {
  return val === undefined || !(val === '0' || val === 'false' || val === 'off');
}

/** Outline level (0-based) → heading depth; level 9 is "body text". */
function depthFromOutline(lvl: number): Depth | null {
  if (lvl < 0 || lvl > 8) return null;
  return Math.min(lvl + 1, 6) as Depth;
}

/**
 * Heading depth of a paragraph style, following `basedOn` (at most 10 steps); null when the style
 * says "not a heading". The style's name decides first (`Title`, `Subtitle`, `heading N`), then its
 * outline level. Built-in style names are stored in English even by localized Word, while style ids
 * are opaque there ("1", "a4"), so ids are never interpreted.
 *
 * Title and Heading 1 are both depth 1 (Title is not made the root above the headings): a
 * take-home usually has one Title line, and shifting every heading down would make "Heading 1"
 * sections depth 2 in documents that use both.
 */
function makeStyleResolver(styles: Styles) {
  const memo = new Map<string, { depth: Depth | null; numId?: string; ilvl?: string; pageBreakBefore: boolean }>();
  return (styleId: string | undefined) => {
    const id = styleId ?? styles.defaultParagraph;
    if (id === undefined) return undefined;
    const cached = memo.get(id);
    if (cached) return cached;
    let depth: Depth | null | undefined;
    let numId: string | undefined;
    let ilvl: string | undefined;
    let pageBreakBefore: boolean | undefined;
    let at: string | undefined = id;
    for (let hops = 0; at !== undefined && hops < 10; hops++) {
      const s = styles.byId.get(at);
      if (!s) break;
      if (depth === undefined) {
        const name = s.name?.trim() ?? '';
        const heading = /^heading\s*(\d)$/i.exec(name);
        if (/^title$/i.test(name)) depth = 1;
        else if (/^subtitle$/i.test(name)) depth = null;
        else if (heading) depth = Math.max(1, Math.min(Number(heading[1]), 6)) as Depth;
        else if (s.outlineLvl !== undefined) depth = depthFromOutline(s.outlineLvl);
      }
      if (numId === undefined && s.numId !== undefined) {
        numId = s.numId;
        ilvl = s.ilvl;
      }
      pageBreakBefore ??= s.pageBreakBefore;
      at = s.basedOn;
    }
    const resolved = { depth: depth ?? null, numId, ilvl, pageBreakBefore: pageBreakBefore ?? false };
    memo.set(id, resolved);
    return resolved;
  };
}

// ---------------------------------------------------------------------------------------------
// The body walk

interface ParaFrame {
  kind: 'para';
  parts: string[];
  page: number;
  /** No visible text yet: a page break now moves the paragraph's start to the next page. */
  empty: boolean;
  inPPr: boolean;
  styleId?: string;
  numId?: string;
  ilvl?: string;
  outlineLvl?: number;
  pageBreakBefore?: boolean;
  /** A drop cap (`w:framePr w:dropCap`): its letter belongs to the next paragraph. */
  dropCap?: boolean;
  /** The paragraph ends a section (`w:pPr/w:sectPr`); its `w:type`, "nextPage" when absent. */
  sectionType?: string;
  /** Blocks from text boxes anchored in this paragraph, emitted after it. */
  pending: Block[];
}
interface TableFrame {
  kind: 'table';
  rows: string[][];
  page: number;
  empty: boolean;
}
interface CellFrame {
  kind: 'cell';
  parts: string[];
  /** A vertically merged continuation cell (`w:vMerge` without val="restart"). */
  merged: boolean;
  /** Grid columns the cell spans (`w:gridSpan`); the extra columns are read as empty cells. */
  span: number;
}
interface StoryFrame {
  kind: 'story';
  blocks: Block[];
}
/** A text box: its blocks go after the paragraph that anchors it. */
interface BoxFrame {
  kind: 'box';
  blocks: Block[];
}
type Frame = ParaFrame | TableFrame | CellFrame | StoryFrame | BoxFrame;

/**
 * Walk one story part (document body, or footnotes/endnotes) into blocks. In `notes` mode each
 * footnote becomes one paragraph and page breaks are not counted.
 */
function walkStory(xml: string, file: string, part: string, styles: Styles, numbering: Numbering, mode: 'body' | 'notes'): { blocks: Block[]; pages: number } {
  const resolveStyle = makeStyleResolver(styles);
  const root: StoryFrame = { kind: 'story', blocks: [] };
  const frames: Frame[] = [root];
  const countPages = mode === 'body';
  let page = 1;
  let skip = 0;
  let inText = false;
  let boxDepth = 0;
  let tableDepth = 0;
  let seenText = false;
  /** A hard break was just counted; a rendered break before the next text is the same break. */
  let afterHardBreak = false;
  /** Open Office Math elements (local names), outermost first. */
  const math: string[] = [];
  /** The outermost math element sits outside any paragraph and opened one of its own. */
  let mathOwnParagraph = false;
  /** Open m:d delimiters: their characters and how many m:e arguments were seen. */
  const delimiters: { beg: string; end: string; sep: string; n: number }[] = [];
  let naryChr = '';
  /** Text of a drop-cap paragraph waiting for the paragraph it starts. */
  let dropCap = '';
  let noteNumber = 0;
  /** Just after a note's number: text that follows directly ("1Source") gets a space. */
  let afterNoteMark = false;
  /** The paragraph whose `w:sectPr` is being skipped (its `w:type` is still read). */
  let sectionOf: ParaFrame | undefined;
  /** The element whose content is being skipped. */
  let skipping = '';
  /** Open content controls (`w:sdt`): whether each shows its placeholder text. */
  const controls: boolean[] = [];

  const top = (): Frame => frames[frames.length - 1]!;
  const para = (): ParaFrame | undefined => {
    const f = frames[frames.length - 1]!;
    return f.kind === 'para' ? f : undefined;
  };

  const advancePage = () => {
    page++;
    for (const f of frames) if ((f.kind === 'para' || f.kind === 'table') && f.empty) f.page = page;
  };
  const hardBreak = () => {
    if (!countPages || boxDepth > 0) return;
    advancePage();
    afterHardBreak = true;
  };
  const renderedBreak = () => {
    if (!countPages || boxDepth > 0) return;
    if (afterHardBreak) afterHardBreak = false;
    else advancePage();
  };
  const append = (text: string) => {
    const p = para();
    if (!p) return;
    if (afterNoteMark) {
      afterNoteMark = false;
      if (/^[\p{L}\p{N}]/u.test(text)) p.parts.push(' ');
    }
    p.parts.push(text);
    if (p.empty && /\S/.test(text)) {
      for (const f of frames) if (f.kind === 'para' || f.kind === 'table') f.empty = false;
      afterHardBreak = false;
      seenText = true;
    }
  };

  const deliver = (block: Block) => {
    const f = top();
    switch (f.kind) {
      case 'story':
      case 'box':
        f.blocks.push(block);
        break;
      case 'cell':
        f.parts.push(blockText(block));
        break;
      case 'para':
        f.pending.push(block);
        break;
      case 'table':
        break; // nothing may sit directly in a table outside its cells
    }
  };

  const finishParagraph = (p: ParaFrame) => {
    const lines = p.parts.join('').split('\n').map(collapse).filter(Boolean);
    if (p.dropCap && lines.length > 0) {
      dropCap += lines.join('');
      lines.length = 0;
    } else if (dropCap && lines.length > 0) {
      lines[0] = dropCap + lines[0];
      dropCap = '';
    }
    if (lines.length > 0) {
      const style = resolveStyle(p.styleId);
      let depth: Depth | null = style?.depth ?? null;
      if (p.outlineLvl !== undefined) depth = depthFromOutline(p.outlineLvl);
      const numId = p.numId ?? style?.numId;
      if (depth !== null) deliver({ kind: 'heading', depth, text: lines.join(' '), page: p.page });
      else if (numId !== undefined && numId !== '0') {
        const fmt = numbering.get(numId)?.get(p.ilvl ?? style?.ilvl ?? '0');
        const ordered = fmt !== undefined && fmt !== 'bullet' && fmt !== 'none';
        deliver({ kind: 'item', ordered, text: lines.join('\n'), page: p.page });
      } else deliver({ kind: 'paragraph', text: lines.join('\n'), page: p.page });
    }
    for (const b of p.pending) deliver(b);
    // A section break starts a new page unless the next section is "continuous".
    if (p.sectionType !== undefined && p.sectionType !== 'continuous' && tableDepth === 0) hardBreak();
  };

  /** Pop the innermost frame if it has the expected kind (it always has, in well-formed WordprocessingML). */
  function popFrame<K extends Frame['kind']>(kind: K): Extract<Frame, { kind: K }> | undefined {
    const f = frames[frames.length - 1]!;
    if (frames.length < 2 || f.kind !== kind) return undefined;
    frames.pop();
    return f as Extract<Frame, { kind: K }>;
  }

  /**
   * Office Math is linear text in reading order; a few marks keep formulas legible:
   * fractions "a/b", scripts "x^2" "x_i", delimiters "(…)", radicals "√", n-ary operators "∑".
   */
  function openMath(name: string, a: Record<string, string>, p: ParaFrame | undefined): void {
    const parent = math[math.length - 1];
    math.push(name);
    if (parent === undefined) {
      mathOwnParagraph = !p;
      if (!p) frames.push(newPara());
      return;
    }
    switch (name) {
      case 'den':
        append('/');
        break;
      case 'sup':
        append('^');
        break;
      case 'sub':
        append('_');
        break;
      case 'rad':
        append('√');
        break;
      case 'd':
        delimiters.push({ beg: '(', end: ')', sep: '|', n: 0 });
        break;
      case 'begChr':
      case 'endChr':
      case 'sepChr': {
        const d = delimiters[delimiters.length - 1];
        if (d && parent === 'dPr') d[name === 'begChr' ? 'beg' : name === 'endChr' ? 'end' : 'sep'] = attr(a, 'val') ?? '';
        break;
      }
      case 'e': {
        const d = delimiters[delimiters.length - 1];
        if (d && parent === 'd') append(d.n++ === 0 ? d.beg : d.sep);
        break;
      }
      case 'naryPr':
        naryChr = '∫';
        break;
      case 'chr':
        if (parent === 'naryPr') naryChr = attr(a, 'val') ?? '∫';
        break;
    }
  }

  function closeMath(): void {
    const name = math.pop();
    if (name === 'd') append(delimiters.pop()?.end ?? '');
    else if (name === 'naryPr') append(naryChr);
    if (math.length === 0 && mathOwnParagraph) {
      mathOwnParagraph = false;
      const f = popFrame('para');
      if (f) finishParagraph(f);
    }
  }

  const newPara = (): ParaFrame => ({ kind: 'para', parts: [], page, empty: true, inPPr: false, pending: [] });

  walkXml(xml, file, part, {
    open(name, a) {
      if (skip > 0) {
        // Two things are read from skipped property blocks: a section's type, and whether a
        // content control shows its placeholder ("Click or tap here to enter text.").
        if (skip === 1 && name === 'type' && skipping === 'sectPr' && sectionOf) sectionOf.sectionType = attr(a, 'val') ?? 'nextPage';
        else if (skip === 1 && name === 'showingPlcHdr' && skipping === 'sdtPr' && controls.length > 0) controls[controls.length - 1] = isOn(attr(a, 'val'));
        skip++;
        return;
      }
      const p = para();
      if (SKIP.has(name)) {
        skip = 1;
        skipping = name;
        if (name === 'sectPr' && p?.inPPr) {
          sectionOf = p;
          p.sectionType = 'nextPage';
        }
        return;
      }
      if (name === 'sdt') controls.push(false);
      else if (name === 'sdtContent' && controls[controls.length - 1]) {
        // An unfilled content control: its content is the placeholder prompt, not the author's text.
        skip = 1;
        skipping = name;
        return;
      }
      if (math.length > 0 || name === 'oMath' || name === 'oMathPara') openMath(name, a, p);
      if (p?.inPPr) {
        switch (name) {
          case 'pStyle':
            p.styleId = attr(a, 'val');
            break;
          case 'framePr': {
            const cap = attr(a, 'dropCap');
            if (cap === 'drop' || cap === 'margin') p.dropCap = true;
            break;
          }
          default:
            readParagraphProperty(p, name, a);
        }
        return;
      }
      switch (name) {
        case 't':
          inText = true;
          return;
        case 'p':
          frames.push(newPara());
          return;
        case 'pPr':
          if (p) p.inPPr = true;
          return;
        case 'tab':
        case 'ptab':
          append(' ');
          return;
        case 'br': {
          const type = attr(a, 'type');
          if (type === undefined || type === 'textWrapping') append('\n');
          else if (type === 'page') {
            hardBreak();
            append('\n');
          } else append(' ');
          return;
        }
        case 'cr':
          append('\n');
          return;
        case 'noBreakHyphen':
          append('-');
          return;
        case 'lastRenderedPageBreak':
          renderedBreak();
          return;
        case 'tbl':
          tableDepth++;
          frames.push({ kind: 'table', rows: [], page, empty: true });
          return;
        case 'tr': {
          const t = top();
          if (t.kind === 'table') t.rows.push([]);
          return;
        }
        case 'tc':
          frames.push({ kind: 'cell', parts: [], merged: false, span: 1 });
          return;
        case 'vMerge': {
          const t = top();
          if (t.kind === 'cell' && attr(a, 'val') !== 'restart') t.merged = true;
          return;
        }
        case 'gridSpan': {
          const t = top();
          const n = Number(attr(a, 'val'));
          if (t.kind === 'cell' && Number.isInteger(n) && n > 1) t.span = Math.min(n, 64);
          return;
        }
        case 'txbxContent':
          boxDepth++;
          frames.push({ kind: 'box', blocks: [] });
          return;
        case 'footnote':
        case 'endnote':
          if (mode !== 'notes') return;
          if (NOTE_SKIP_TYPES.has(attr(a, 'type') ?? '')) {
            skip = 1;
            skipping = name;
          } else {
            noteNumber++;
            frames.push({ kind: 'story', blocks: [] });
          }
          return;
        case 'footnoteRef':
        case 'endnoteRef':
          // The note's own mark; notes are numbered in order (Word renumbers them in document order).
          if (mode === 'notes') {
            append(String(noteNumber));
            afterNoteMark = true;
          }
          return;
      }
    },
    close(name) {
      if (skip > 0) {
        if (--skip === 0) sectionOf = undefined;
        return;
      }
      if (math.length > 0) closeMath();
      switch (name) {
        case 'sdt':
          controls.pop();
          return;
        case 't':
          inText = false;
          return;
        case 'pPr': {
          const p = para();
          if (p?.inPPr) {
            p.inPPr = false;
            const breakBefore = p.pageBreakBefore ?? resolveStyle(p.styleId)?.pageBreakBefore ?? false;
            // Word ignores "page break before" inside tables and text boxes, and on the first paragraph.
            if (breakBefore && tableDepth === 0 && seenText) hardBreak();
          }
          return;
        }
        case 'p': {
          const f = popFrame('para');
          if (f) finishParagraph(f);
          return;
        }
        case 'tc': {
          const cell = popFrame('cell');
          if (!cell) return;
          const text = cell.merged ? '' : collapse(cell.parts.join(' '));
          const t = top();
          if (t.kind === 'table') {
            if (t.rows.length === 0) t.rows.push([]);
            const row = t.rows[t.rows.length - 1]!;
            row.push(text);
            for (let i = 1; i < cell.span; i++) row.push('');
          } else if (text) deliver({ kind: 'paragraph', text, page });
          return;
        }
        case 'tbl': {
          tableDepth--;
          const t = popFrame('table');
          if (!t) return;
          // Rows without any text (deleted rows, spacer rows) carry nothing to read.
          const rows = t.rows.filter((r) => r.some((c) => c !== ''));
          if (rows.length > 0) deliver({ kind: 'table', rows, page: t.page });
          return;
        }
        case 'txbxContent': {
          boxDepth--;
          const box = popFrame('box');
          if (!box) return;
          // The anchoring paragraph is the nearest one below the box on the stack.
          for (let i = frames.length - 1; i >= 0; i--) {
            const f = frames[i]!;
            if (f.kind === 'para') {
              f.pending.push(...box.blocks);
              return;
            }
          }
          for (const b of box.blocks) deliver(b);
          return;
        }
        case 'footnote':
        case 'endnote': {
          if (mode !== 'notes' || frames.length < 2) return;
          const note = popFrame('story');
          if (!note) return;
          const text = note.blocks.map(blockText).filter(Boolean).join(' ');
          if (text) root.blocks.push({ kind: 'paragraph', text, page: 1 });
          return;
        }
      }
    },
    text(text) {
      if (inText && skip === 0) append(text);
    },
  });
  return { blocks: root.blocks, pages: page };
}

/** Collapse whitespace (including non-breaking and other Unicode spaces) to single spaces and trim. */
function collapse(text: string): string {
  // U+2061 (function application, "sin⁡θ") reads as a space; invisible times/separator/plus as nothing.
  return text.replace(/[\u2062-\u2064]/g, '').replace(/[\s\u2061]+/g, ' ').trim();
}

function blockText(block: Block): string {
  if (block.kind === 'table') return collapse(block.rows.map((r) => r.join(' ')).join(' '));
  return collapse(block.text);
}

function toMdast(blocks: Block[]): RootContent[] {
  const out: RootContent[] = [];
  let list: List | undefined;
  let listOrdered = false;
  for (const b of blocks) {
    const location = `page ${b.page}`;
    if (b.kind === 'item') {
      if (list && listOrdered === b.ordered) {
        list.children.push(...(mdast.list([b.text], b.ordered) as List).children);
      } else {
        list = mdast.list([b.text], b.ordered, location) as List;
        listOrdered = b.ordered;
        out.push(list);
      }
      continue;
    }
    list = undefined;
    if (b.kind === 'heading') out.push(mdast.heading(b.depth, b.text, location));
    else if (b.kind === 'paragraph') out.push(mdast.paragraph(b.text, location));
    else out.push(mdast.table(b.rows, location));
  }
  return out;
}
