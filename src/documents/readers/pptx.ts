/**
 * PPTX reader: slides (in presentation order) → mdast.
 *
 * Every XML part is parsed once, as a stream (walkXml), with local names only, so
 * Transitional and Strict OOXML read the same. Per slide it emits a depth-1 heading
 * (the title placeholder, or "Slide N"), then the slide's text shapes, tables, charts
 * and SmartArt in reading order (top to bottom, then left to right, group transforms
 * applied), then "Speaker notes" (depth-2 heading) when the slide has notes.
 * Every top-level node carries `data.location = "slide N"`.
 */
import type { RootContent } from 'mdast';
import { GradesheetError } from '../../errors.js';
import { mdast, type Reader, type ReadContext, type ReadResult } from '../ir.js';
import { attr, readRelationships, resolvePartPath, walkXml } from '../xml.js';
import { SafeZip } from '../zip.js';

type Relationships = ReturnType<typeof readRelationships>;

type Bullet = 'none' | 'bullet' | 'number';

interface Para {
  text: string;
  /** What the paragraph itself says about its bullet; undefined when it inherits. */
  bullet: Bullet | undefined;
}

interface Placeholder {
  /** `obj` when the `p:ph` element has no type attribute (the schema default). */
  type: string;
  idx: string;
}

interface Positioned {
  x: number | undefined;
  y: number | undefined;
}

interface TextItem extends Positioned {
  kind: 'text';
  ph: Placeholder | undefined;
  paras: Para[];
}

interface TableItem extends Positioned {
  kind: 'table';
  rows: string[][];
  columns: number;
}

interface RefItem extends Positioned {
  kind: 'chart' | 'diagram';
  relId: string;
}

type Item = TextItem | TableItem | RefItem;

interface Transform {
  sx: number;
  sy: number;
  tx: number;
  ty: number;
}

const IDENTITY: Transform = { sx: 1, sy: 1, tx: 0, ty: 0 };

/** Placeholders that repeat on every slide and carry no content. */
const CHROME = new Set(['sldNum', 'dt', 'ftr', 'hdr', 'sldImg']);
const TITLE = new Set(['title', 'ctrTitle']);
/** Placeholders whose paragraphs are bulleted by the master unless they say `buNone`. */
const BULLETED_PLACEHOLDERS = new Set(['obj', 'body']);
/** Node types of a SmartArt data model that carry no user text. */
const DIAGRAM_NON_TEXT = new Set(['doc', 'pres', 'parTrans', 'sibTrans']);

const MAX_CHART_CATEGORIES = 50;

const rel = (type: string, name: string): boolean => type.endsWith(`/${name}`);

export const readPptx: Reader = async (bytes, ctx) => {
  try {
    return readDeck(bytes, ctx);
  } catch (e) {
    if (e instanceof GradesheetError) throw e;
    throw new GradesheetError(
      'corrupt_file',
      `${ctx.file} is damaged or not a presentation PowerPoint can open. Save it again from your editor as .pptx and upload the new copy.`,
      { file: ctx.file, cause: e },
    );
  }
};

function readDeck(bytes: Uint8Array, ctx: ReadContext): ReadResult {
  const file = ctx.file;
  const pkg = new Package(SafeZip.open(bytes, file, ctx.limits), file);

  // The main part: the officeDocument relationship of the package, else the usual name.
  let main: string | undefined;
  for (const r of pkg.rels('').values()) {
    if (!r.external && rel(r.type, 'officeDocument')) {
      const path = resolvePartPath('', r.target);
      if (pkg.has(path)) main = pkg.name(path);
      break;
    }
  }
  if (!main && pkg.has('ppt/presentation.xml')) main = pkg.name('ppt/presentation.xml');
  const mainXml = main === undefined ? undefined : pkg.text(main);
  if (main === undefined || mainXml === undefined) throw missingMain(file);

  let root: string | undefined;
  let hasSlideList = false;
  const slideIds: string[] = [];
  walkXml(mainXml, file, main, {
    open(name, a) {
      if (root === undefined) root = name;
      else if (name === 'sldIdLst') hasSlideList = true;
      else if (name === 'sldId') {
        const id = nsAttr(a, 'id');
        if (id) slideIds.push(id);
      }
    },
  });
  if (root !== 'presentation') throw missingMain(file);

  const presRels = pkg.rels(main);
  let slideParts: string[] = [];
  if (hasSlideList) {
    for (const id of slideIds) {
      const r = presRels.get(id);
      if (r && !r.external && rel(r.type, 'slide')) slideParts.push(resolvePartPath(main, r.target));
    }
  } else {
    // No slide list at all (some generators): take the slide relationships in part-name order.
    for (const r of presRels.values()) if (!r.external && rel(r.type, 'slide')) slideParts.push(resolvePartPath(main, r.target));
    slideParts.sort((p, q) => partNumber(p) - partNumber(q) || (p < q ? -1 : p > q ? 1 : 0));
  }
  slideParts = slideParts.filter((p) => pkg.has(p));
  if (slideParts.length === 0) {
    throw new GradesheetError(
      'no_slides',
      `${file} has no slides. Add the slides with your work (or export the right file) and upload it again.`,
      { file },
    );
  }
  slideParts = slideParts.slice(0, Math.max(0, ctx.limits.maxSlides));

  const children: RootContent[] = [];
  let notes = 0;
  let n = 0;
  for (const part of slideParts) {
    const xml = pkg.text(part);
    if (xml === undefined) continue;
    n += 1;
    const location = `slide ${n}`;
    const items = readShapes(xml, file, part);
    const rels = pkg.rels(part);

    // Title: the first title placeholder; chrome placeholders are dropped.
    let title: TextItem | undefined;
    const body: Item[] = [];
    for (const item of items) {
      if (item.kind === 'text' && item.ph) {
        if (CHROME.has(item.ph.type)) continue;
        if (!title && TITLE.has(item.ph.type)) {
          title = item;
          continue;
        }
      }
      body.push(item);
    }
    if (body.length > 1) orderByPosition(body, part, rels, pkg);
    let titleText = title ? title.paras.map((p) => p.text.replace(/\n/g, ' ')).join(' ') : '';
    // Decks made with text boxes only (no title placeholder): the first short line at the top reads as the title.
    if (!titleText) {
      const first = body[0];
      const line = first?.kind === 'text' ? first.paras[0]?.text : undefined;
      const rest = body.length > 1 || (first?.kind === 'text' && first.paras.length > 1);
      if (first?.kind === 'text' && line && rest && first.paras[0]!.bullet !== 'bullet' && !line.includes('\n') && line.length <= 100 && (line.trim().split(/\s+/).length >= 2 || /^\p{Lu}[\p{L}-]{3,}$/u.test(line.trim())) && !/[.;,:]$/.test(line)) {
        titleText = line;
        first.paras.shift();
        if (first.paras.length === 0) body.shift();
      }
    }
    const heading = mdast.heading(1, titleText || `Slide ${n}`, location);
    // "Slide N" names an untitled slide in heading paths; it is not the author's text.
    if (!titleText) heading.data = { location, synthetic: true };
    children.push(heading);

    for (const item of body) emitItem(item, part, rels, pkg, location, children);

    // Speaker notes: the body placeholder(s) of the notes slide.
    const notesRel = [...rels.values()].find((r) => !r.external && rel(r.type, 'notesSlide'));
    if (notesRel) {
      const notesPart = resolvePartPath(part, notesRel.target);
      const notesXml = pkg.has(notesPart) ? pkg.text(pkg.name(notesPart)) : undefined;
      if (notesXml !== undefined) {
        const paras: string[] = [];
        for (const item of readShapes(notesXml, file, notesPart)) {
          if (item.kind === 'text' && item.ph?.type === 'body') for (const p of item.paras) paras.push(p.text);
        }
        if (paras.length > 0) {
          notes += 1;
          children.push(mdast.heading(2, 'Speaker notes', location));
          for (const p of paras) children.push(mdast.paragraph(p, location));
        }
      }
    }
  }
  if (n === 0) {
    throw new GradesheetError('no_slides', `${file} has no readable slides. Save it again from your editor and upload the new copy.`, { file });
  }
  return { tree: { type: 'root', children }, stats: { slides: n, notes } };
}

function missingMain(file: string): GradesheetError {
  return new GradesheetError(
    'missing_main_part',
    `${file} is not a PowerPoint presentation: it has no ppt/presentation.xml. Save or export it as .pptx (PowerPoint, Keynote, Google Slides or LibreOffice) and upload it again.`,
    { file },
  );
}

function partNumber(part: string): number {
  const m = /(\d+)\.xml$/i.exec(part);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** A relationship-id attribute (`r:id`, or any prefix), never the plain `id`. */
function nsAttr(a: Record<string, string>, local: string): string | undefined {
  for (const key in a) {
    const colon = key.indexOf(':');
    if (colon > 0 && key.slice(colon + 1) === local && !key.startsWith('xml')) return a[key];
  }
  return undefined;
}

/** The zip plus caches: each part is inflated and parsed at most once. */
class Package {
  private lower: Map<string, string> | undefined;
  private readonly relsCache = new Map<string, Relationships>();
  readonly parsed = new Map<string, unknown>();

  constructor(
    private readonly zip: SafeZip,
    readonly file: string,
  ) {}

  /** The stored spelling of a part name (OPC names are case-insensitive). */
  name(path: string): string {
    if (this.zip.has(path)) return path;
    if (!this.lower) {
      this.lower = new Map();
      for (const n of this.zip.names()) this.lower.set(n.toLowerCase(), n);
    }
    const found = this.lower.get(path.toLowerCase());
    if (found) return found;
    if (path.includes('%')) {
      try {
        const decoded = decodeURIComponent(path);
        if (decoded !== path) return this.name(decoded);
      } catch {
        // not percent-encoded after all
      }
    }
    return path;
  }

  has(path: string): boolean {
    return this.zip.has(this.name(path));
  }

  text(path: string): string | undefined {
    return this.zip.readText(this.name(path));
  }

  /** The relationships of a part (`''` for the package itself). */
  rels(part: string): Relationships {
    let r = this.relsCache.get(part);
    if (!r) {
      const slash = part.lastIndexOf('/');
      const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
      r = this.has(relsPart) ? readRelationships(this.text(relsPart), this.file, relsPart) : new Map();
      this.relsCache.set(part, r);
    }
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Text

/** Collapse spaces, tabs and no-break spaces per line, trim lines, drop empty lines. */
function cleanText(raw: string): string {
  let out = '';
  for (const line of raw.split(/\r\n?|\n|\v/)) {
    const t = line.replace(/[ \t\f\u00a0\u2007\u202f]+/g, ' ').trim();
    if (t) out = out ? `${out}\n${t}` : t;
  }
  return out;
}

/**
 * Collects DrawingML paragraphs (`a:p`): runs joined, `a:br` as a newline, field text except
 * slide numbers. Drive it from a walkXml handler; `finish()` returns the paragraph on `</a:p>`.
 */
class ParagraphCollector {
  private parts: string[] | undefined;
  private bullet: Bullet | undefined;
  private fieldDepth = 0;

  get active(): boolean {
    return this.parts !== undefined;
  }

  start(): void {
    this.parts = [];
    this.bullet = undefined;
    this.fieldDepth = 0;
  }

  /** An element inside the paragraph opened; `stack` already holds it. */
  open(name: string, a: Record<string, string>, stack: string[]): void {
    if (!this.parts) return;
    const parent = stack[stack.length - 2];
    if (name === 'br' && parent === 'p') this.parts.push('\n');
    else if (name === 'fld' && this.fieldDepth === 0 && (a.type ?? '').toLowerCase() === 'slidenum') this.fieldDepth = stack.length;
    else if (parent === 'pPr') {
      if (name === 'buChar' || name === 'buBlip') this.bullet = 'bullet';
      else if (name === 'buAutoNum') this.bullet = 'number';
      else if (name === 'buNone') this.bullet = 'none';
    }
  }

  close(depthAfterPop: number): void {
    if (this.fieldDepth && depthAfterPop < this.fieldDepth) this.fieldDepth = 0;
  }

  text(t: string, top: string | undefined): void {
    if (this.parts && top === 't' && this.fieldDepth === 0) this.parts.push(t);
  }

  finish(): Para | undefined {
    const parts = this.parts;
    this.parts = undefined;
    if (!parts) return undefined;
    const text = cleanText(parts.join(''));
    return text ? { text, bullet: this.bullet } : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Shape trees (slides, notes, layouts, masters)

/**
 * One streaming pass over a shape tree: text shapes (`p:sp`), groups (`p:grpSp`, any depth,
 * with their coordinate transforms), tables, chart and SmartArt frames, in document order.
 * `mc:AlternateContent` contributes its first `mc:Choice` only; hidden shapes are skipped.
 */
function readShapes(xml: string, file: string, part: string): Item[] {
  const items: Item[] = [];
  const stack: string[] = [];
  const transforms: Transform[] = [IDENTITY];
  const alternate: boolean[] = [];
  const para = new ParagraphCollector();
  let skipDepth = 0;

  let shape: TextItem | undefined;
  let group: { off?: [number, number]; ext?: [number, number]; chOff?: [number, number]; chExt?: [number, number] } | undefined;
  let frame: Positioned | undefined;
  let table: TableItem | undefined;
  let row: string[] | undefined;
  let cell: { texts: string[]; merged: boolean } | undefined;

  const point = (a: Record<string, string>, xKey: string, yKey: string): [number, number] | undefined => {
    const x = Number(a[xKey]);
    const y = Number(a[yKey]);
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
  };
  const place = (target: Positioned, a: Record<string, string>): void => {
    const p = point(a, 'x', 'y');
    if (!p) return;
    const t = transforms[transforms.length - 1]!;
    target.x = t.sx * p[0] + t.tx;
    target.y = t.sy * p[1] + t.ty;
  };

  walkXml(xml, file, part, {
    open(name, a) {
      stack.push(name);
      const depth = stack.length;
      if (skipDepth) return;
      const parent = stack[depth - 2];
      const grand = stack[depth - 3];

      if (name === 'AlternateContent') {
        alternate.push(false);
        return;
      }
      if (name === 'Choice' || name === 'Fallback') {
        if (alternate.length && alternate[alternate.length - 1]) skipDepth = depth;
        else if (alternate.length) alternate[alternate.length - 1] = true;
        return;
      }
      if (para.active) {
        para.open(name, a, stack);
        return;
      }
      switch (name) {
        case 'sp':
          shape = { kind: 'text', ph: undefined, paras: [], x: undefined, y: undefined };
          return;
        case 'grpSp':
          transforms.push(transforms[transforms.length - 1]!);
          group = {};
          return;
        case 'graphicFrame':
          frame = { x: undefined, y: undefined };
          return;
        case 'cNvPr':
          // A hidden shape or group: skip all of it (its close still runs below).
          if ((a.hidden === '1' || a.hidden === 'true') && depth >= 3) {
            skipDepth = depth - 2;
            if (stack[depth - 3] === 'sp') shape = undefined;
          }
          return;
        case 'ph':
          if (shape && parent === 'nvPr') shape.ph = { type: a.type ?? 'obj', idx: a.idx ?? '0' };
          return;
        case 'off':
        case 'ext':
        case 'chOff':
        case 'chExt':
          if (parent !== 'xfrm') return;
          if (grand === 'spPr' && stack[depth - 4] === 'sp' && shape && name === 'off') place(shape, a);
          else if (grand === 'graphicFrame' && frame && name === 'off') place(frame, a);
          else if (grand === 'grpSpPr' && stack[depth - 4] === 'grpSp' && group) {
            const p = name === 'off' || name === 'chOff' ? point(a, 'x', 'y') : point(a, 'cx', 'cy');
            if (p) group[name] = p;
          }
          return;
        case 'p':
          if (parent === 'txBody') para.start();
          return;
        case 'tbl':
          if (frame) table = { kind: 'table', rows: [], columns: 0, x: frame.x, y: frame.y };
          return;
        case 'gridCol':
          if (table) table.columns += 1;
          return;
        case 'tr':
          if (table) row = [];
          return;
        case 'tc':
          if (row) cell = { texts: [], merged: isOn(a.hMerge) || isOn(a.vMerge) };
          return;
        case 'chart':
          if (frame && parent === 'graphicData') {
            const id = nsAttr(a, 'id');
            if (id) items.push({ kind: 'chart', relId: id, x: frame.x, y: frame.y });
          }
          return;
        case 'relIds':
          if (frame && parent === 'graphicData') {
            const id = attr(a, 'dm');
            if (id) items.push({ kind: 'diagram', relId: id, x: frame.x, y: frame.y });
          }
          return;
      }
    },
    close(name) {
      stack.pop();
      const depth = stack.length;
      if (skipDepth) {
        if (depth >= skipDepth) return;
        skipDepth = 0;
      }
      if (name === 'AlternateContent') {
        alternate.pop();
        return;
      }
      if (para.active) {
        para.close(depth);
        if (name !== 'p') return;
        const p = para.finish();
        if (!p) return;
        if (cell) cell.texts.push(p.text.replace(/\n/g, ' '));
        else if (shape) shape.paras.push(p);
        return;
      }
      switch (name) {
        case 'sp':
          if (shape && (shape.paras.length > 0 || shape.ph)) items.push(shape);
          shape = undefined;
          return;
        case 'grpSpPr':
          if (group && stack[depth - 1] === 'grpSp') {
            const outer = transforms[transforms.length - 2] ?? IDENTITY;
            transforms[transforms.length - 1] = compose(outer, group);
            group = undefined;
          }
          return;
        case 'grpSp':
          if (transforms.length > 1) transforms.pop();
          group = undefined;
          return;
        case 'graphicFrame':
          frame = undefined;
          table = undefined;
          return;
        case 'tc':
          if (cell && row) row.push(cell.merged ? '' : cell.texts.join(' '));
          cell = undefined;
          return;
        case 'tr':
          if (row && table) table.rows.push(row);
          row = undefined;
          return;
        case 'tbl':
          if (table) items.push(table);
          table = undefined;
          return;
      }
    },
    text(t) {
      if (!skipDepth) para.text(t, stack[stack.length - 1]);
    },
  });
  return items;
}

function isOn(v: string | undefined): boolean {
  return v === '1' || v === 'true' || v === 'on';
}

/** The transform of a group (child coordinates → its parent's), composed with the parent's. */
function compose(
  outer: Transform,
  g: { off?: [number, number]; ext?: [number, number]; chOff?: [number, number]; chExt?: [number, number] },
): Transform {
  const off = g.off ?? [0, 0];
  const chOff = g.chOff ?? off;
  const sx = g.ext && g.chExt && g.chExt[0] > 0 ? g.ext[0] / g.chExt[0] : 1;
  const sy = g.ext && g.chExt && g.chExt[1] > 0 ? g.ext[1] / g.chExt[1] : 1;
  const inner: Transform = { sx, sy, tx: off[0] - chOff[0] * sx, ty: off[1] - chOff[1] * sy };
  return { sx: outer.sx * inner.sx, sy: outer.sy * inner.sy, tx: outer.sx * inner.tx + outer.tx, ty: outer.sy * inner.ty + outer.ty };
}

// ---------------------------------------------------------------------------------------------
// Reading order

interface PlaceholderMap {
  byIdx: Map<string, { type: string; pos: Positioned }>;
  byType: Map<string, Positioned>;
  next: string | undefined;
}

/** Placeholder positions of a layout or master (parsed once per part), and the part it inherits from. */
function placeholders(pkg: Package, part: string, nextRel: 'slideMaster' | undefined): PlaceholderMap {
  const key = `ph:${part}`;
  const cached = pkg.parsed.get(key) as PlaceholderMap | undefined;
  if (cached) return cached;
  const map: PlaceholderMap = { byIdx: new Map(), byType: new Map(), next: undefined };
  pkg.parsed.set(key, map);
  const xml = pkg.has(part) ? pkg.text(part) : undefined;
  if (xml === undefined) return map;
  const items = optional(() => readShapes(xml, pkg.file, part), []);
  for (const item of items) {
    if (item.kind !== 'text' || !item.ph) continue;
    if (!map.byIdx.has(item.ph.idx)) map.byIdx.set(item.ph.idx, { type: item.ph.type, pos: item });
    if (!map.byType.has(item.ph.type)) map.byType.set(item.ph.type, item);
  }
  if (nextRel) {
    for (const r of optional(() => pkg.rels(part), new Map() as Relationships).values()) {
      if (!r.external && rel(r.type, nextRel)) {
        map.next = resolvePartPath(part, r.target);
        break;
      }
    }
  }
  return map;
}

const known = (p: Positioned | undefined): p is { x: number; y: number } => p?.x !== undefined && p.y !== undefined;

/** The master placeholder type a layout placeholder inherits from. */
function masterType(type: string): string {
  if (TITLE.has(type)) return 'title';
  if (CHROME.has(type)) return type;
  return 'body';
}

/** Where a placeholder without its own `a:xfrm` sits: the layout's placeholder, else the master's. */
function inheritedPosition(ph: Placeholder, slidePart: string, slideRels: Relationships, pkg: Package): Positioned | undefined {
  let layoutPart: string | undefined;
  for (const r of slideRels.values()) {
    if (!r.external && rel(r.type, 'slideLayout')) {
      layoutPart = resolvePartPath(slidePart, r.target);
      break;
    }
  }
  if (!layoutPart) return undefined;
  const layout = placeholders(pkg, layoutPart, 'slideMaster');
  let type = ph.type;
  const onLayout = layout.byIdx.get(ph.idx);
  if (onLayout) {
    if (known(onLayout.pos)) return onLayout.pos;
    type = onLayout.type;
  } else {
    const byType = layout.byType.get(ph.type);
    if (known(byType)) return byType;
  }
  if (!layout.next) return undefined;
  const master = placeholders(pkg, layout.next, undefined);
  const pos = master.byType.get(masterType(type));
  return known(pos) ? pos : undefined;
}

/**
 * Sort into reading order: top to bottom, then left to right. Placeholders without a
 * position take the layout's (or master's); anything still unplaced stays right after
 * the item before it in document order.
 */
function orderByPosition(items: Item[], part: string, rels: Relationships, pkg: Package): void {
  let lastX = 0;
  let lastY = 0;
  const keyed = items.map((item, order) => {
    let pos: Positioned | undefined = item;
    if (!known(pos) && item.kind === 'text' && item.ph) pos = inheritedPosition(item.ph, part, rels, pkg);
    if (known(pos)) {
      lastX = pos.x;
      lastY = pos.y;
    }
    return { item, x: lastX, y: lastY, order };
  });
  keyed.sort((p, q) => p.y - q.y || p.x - q.x || p.order - q.order);
  for (let i = 0; i < keyed.length; i++) items[i] = keyed[i]!.item;
}

// ---------------------------------------------------------------------------------------------
// Emitting

function emitItem(item: Item, part: string, rels: Relationships, pkg: Package, location: string, out: RootContent[]): void {
  switch (item.kind) {
    case 'text': {
      const inherit = item.ph !== undefined && BULLETED_PLACEHOLDERS.has(item.ph.type);
      let run: Para[] = [];
      let runBulleted = false;
      const flush = (): void => {
        if (run.length === 0) return;
        if (runBulleted) out.push(mdast.list(run.map((p) => p.text), run[0]!.bullet === 'number', location));
        else out.push(mdast.paragraph(run.map((p) => p.text).join('\n'), location));
        run = [];
      };
      for (const p of item.paras) {
        const bulleted = p.bullet === 'bullet' || p.bullet === 'number' || (p.bullet === undefined && inherit);
        if (run.length > 0 && bulleted !== runBulleted) flush();
        runBulleted = bulleted;
        run.push(p);
      }
      flush();
      return;
    }
    case 'table': {
      const columns = Math.max(item.columns, ...item.rows.map((r) => r.length));
      const rows = item.rows.filter((r) => r.some((c) => c !== '')).map((r) => (r.length < columns ? [...r, ...new Array<string>(columns - r.length).fill('')] : r));
      if (rows.length > 0) out.push(mdast.table(rows, location));
      return;
    }
    case 'chart': {
      const target = linkedPart(item.relId, part, rels, pkg);
      if (!target) return;
      const lines = cached(pkg, `chart:${target}`, () => optional(() => readChart(pkg, target), []));
      if (lines.length > 0) out.push(mdast.paragraph(lines.join('\n'), location));
      return;
    }
    case 'diagram': {
      const target = linkedPart(item.relId, part, rels, pkg);
      if (!target) return;
      const texts = cached(pkg, `dgm:${target}`, () => optional(() => readDiagram(pkg, target), []));
      if (texts.length > 0) out.push(mdast.list(texts, false, location));
      return;
    }
  }
}

/**
 * Run a read of a part the text does not depend on (layouts and masters for positions, charts,
 * SmartArt): a damaged one is left out instead of failing the whole deck. Other refusals
 * (zip bombs, entity declarations, encryption) still stop the read.
 */
function optional<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof GradesheetError && e.code === 'corrupt_file') return fallback;
    throw e;
  }
}

function cached<T>(pkg: Package, key: string, make: () => T): T {
  if (pkg.parsed.has(key)) return pkg.parsed.get(key) as T;
  const value = make();
  pkg.parsed.set(key, value);
  return value;
}

function linkedPart(relId: string, part: string, rels: Relationships, pkg: Package): string | undefined {
  const r = rels.get(relId);
  if (!r || r.external) return undefined;
  const target = resolvePartPath(part, r.target);
  return pkg.has(target) ? target : undefined;
}

/** A chart's title, series names and categories (classic `c:` charts and `cx:` chartex). */
function readChart(pkg: Package, part: string): string[] {
  const xml = pkg.text(part);
  if (xml === undefined) return [];
  const stack: string[] = [];
  let titleDepth = 0;
  let titleSeen = false;
  const title: string[] = [];
  const series: string[] = [];
  const categories: string[] = [];
  let serIndex = -1;
  let serCount = 0;
  let catDim = 0;

  walkXml(xml, pkg.file, part, {
    open(name, a) {
      stack.push(name);
      const depth = stack.length;
      const parent = stack[depth - 2];
      if (name === 'title' && parent === 'chart' && !titleDepth) {
        titleDepth = depth;
        titleSeen = true;
      } else if (titleDepth && name === 'p' && title.length > 0) title.push(' ');
      else if ((name === 'ser' || name === 'series') && serIndex < 0) {
        serIndex = depth - 1;
        serCount += 1;
        series.push('');
      } else if (name === 'strDim' && a.type === 'cat' && !catDim) catDim = depth;
      else if (name === 'pt' && categories.length < MAX_CHART_CATEGORIES + 1) {
        if ((serCount === 1 && serIndex >= 0 && stack[serIndex + 1] === 'cat') || (catDim > 0 && serCount === 0)) categories.push('');
      }
    },
    close(name) {
      stack.pop();
      const depth = stack.length;
      if (titleDepth && depth < titleDepth) titleDepth = 0;
      if (catDim && depth < catDim) catDim = -1;
      if (serIndex >= 0 && depth <= serIndex) serIndex = -1;
      void name;
    },
    text(t) {
      const top = stack[stack.length - 1];
      if (titleDepth) {
        if (top === 't' || top === 'v') title.push(t);
      } else if (serIndex >= 0) {
        const where = stack[serIndex + 1];
        if (where === 'tx' && top === 'v') series[series.length - 1] += t;
        else if (where === 'cat' && top === 'v' && serCount === 1 && categories.length > 0 && categories.length <= MAX_CHART_CATEGORIES) {
          categories[categories.length - 1] += t;
        }
      } else if (catDim > 0 && (top === 'pt' || top === 'v') && categories.length > 0 && categories.length <= MAX_CHART_CATEGORIES) {
        categories[categories.length - 1] += t;
      }
    },
  });

  const names = series.map((s) => cleanText(s).replace(/\n/g, ' ')).filter(Boolean);
  let heading = cleanText(title.join('')).replace(/\n/g, ' ');
  if (!heading && titleSeen && names.length === 1) heading = names[0]!;
  const cats = categories.slice(0, MAX_CHART_CATEGORIES).map((c) => cleanText(c).replace(/\n/g, ' ')).filter(Boolean);
  const lines: string[] = [];
  if (heading) lines.push(`Chart: ${heading}`);
  if (names.length > 0) lines.push(`Series: ${names.join(', ')}`);
  if (cats.length > 0) lines.push(`Categories: ${cats.join(', ')}${categories.length > MAX_CHART_CATEGORIES ? ', …' : ''}`);
  if (lines.length > 0 && !heading) lines.unshift('Chart');
  return lines;
}

/** The text of a SmartArt data model: one entry per paragraph of each content node. */
function readDiagram(pkg: Package, part: string): string[] {
  const xml = pkg.text(part);
  if (xml === undefined) return [];
  const stack: string[] = [];
  const para = new ParagraphCollector();
  const texts: string[] = [];
  let textNode = false;
  walkXml(xml, pkg.file, part, {
    open(name, a) {
      stack.push(name);
      if (para.active) para.open(name, a, stack);
      else if (name === 'pt') textNode = !DIAGRAM_NON_TEXT.has(a.type ?? 'node');
      else if (name === 'p' && textNode && stack[stack.length - 2] === 't') para.start();
    },
    close(name) {
      stack.pop();
      if (!para.active) return;
      para.close(stack.length);
      if (name === 'p') {
        const p = para.finish();
        if (p) texts.push(p.text.replace(/\n/g, ' '));
      }
    },
    text(t) {
      para.text(t, stack[stack.length - 1]);
    },
  });
  return texts;
}
