import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { List, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import pptxgen from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { GradesheetError } from '../../errors.js';
import type { ReadResult } from '../ir.js';
import { defaultLimits, type Limits } from '../limits.js';
import { readPptx } from './pptx.js';

const corpus = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../../shared/corpus/real/pptx/${name}`, import.meta.url))));

const read = (name: string, limits: Limits = defaultLimits): Promise<ReadResult> => readPptx(corpus(name), { file: name, limits });

const readBytes = (bytes: Uint8Array, file = 'deck.pptx', limits: Limits = defaultLimits): Promise<ReadResult> => readPptx(bytes, { file, limits });

async function errorOf(p: Promise<unknown>): Promise<GradesheetError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GradesheetError);
    return e as GradesheetError;
  }
  throw new Error('expected the reader to throw');
}

const bySlide = (r: ReadResult, n: number): RootContent[] => r.tree.children.filter((c) => c.data?.location === `slide ${n}`);
const texts = (nodes: RootContent[]): string[] => nodes.map((n) => toString(n));
const rowsOf = (t: RootContent): string[][] => (t as Table).children.map((row) => row.children.map((cell) => toString(cell)));
const itemsOf = (l: RootContent): string[] => (l as List).children.map((i) => toString(i));
const headings = (r: ReadResult, depth: number): string[] => r.tree.children.filter((c) => c.type === 'heading' && c.depth === depth).map((c) => toString(c));

/** Everything under "Speaker notes" of one slide. */
function notesOf(r: ReadResult, n: number): string[] {
  const nodes = bySlide(r, n);
  const at = nodes.findIndex((c) => c.type === 'heading' && c.depth === 2 && toString(c) === 'Speaker notes');
  return at < 0 ? [] : texts(nodes.slice(at + 1));
}

describe('readPptx on real decks', () => {
  it('walks nested group shapes (two levels) and reads A..J in reading order', async () => {
    const r = await read('edge_group_shapes_nested_2_levels.pptx');
    expect(r.stats).toEqual({ slides: 1, notes: 0 });
    const [heading, ...body] = r.tree.children;
    expect(heading).toMatchObject({ type: 'heading', depth: 1, data: { location: 'slide 1' } });
    expect(toString(heading!)).toBe('Slide 1');
    expect(texts(body)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    for (const node of body) expect(node).toMatchObject({ type: 'paragraph', data: { location: 'slide 1' } });
  });

  it('reads tables row by row, merged continuation cells as empty strings of the same row length', async () => {
    const r = await read('table_cells_merged.pptx');
    expect(r.stats.slides).toBe(3);
    const [first] = bySlide(r, 1).filter((c) => c.type === 'table');
    expect(rowsOf(first!)[0]).toEqual(['having custom margins', 'vert anchor is inherited', 'vert anchor is top', 'vert anchor is bottom']);
    const merged = bySlide(r, 2).filter((c) => c.type === 'table');
    expect(merged).toHaveLength(2);
    expect(rowsOf(merged[0]!)[0]).toEqual(['merged cell', '', '']);
    expect(rowsOf(merged[1]!)[0]).toEqual(['merged cell', '', '', '', '']);
    const plain = bySlide(r, 3).find((c) => c.type === 'table')!;
    expect(plain.data?.location).toBe('slide 3');
    expect(rowsOf(plain)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h', 'i'],
    ]);
  });

  it('puts speaker notes under a "Speaker notes" heading, without the slide number', async () => {
    const r = await read('pandoc_generated_speaker_notes.pptx');
    expect(r.stats).toEqual({ slides: 4, notes: 3 });
    expect(texts(bySlide(r, 1))).toEqual(['Slide 1', 'Here is a slide.', 'Speaker notes', 'Here is a note.', 'Here is some other formatting.']);
    expect(notesOf(r, 2)).toEqual([]);
    expect(notesOf(r, 3)).toEqual(['The first note div', 'The second note div']);
    const heading = bySlide(r, 3).find((c) => c.type === 'heading' && c.depth === 2)!;
    expect(heading.data?.location).toBe('slide 3');
  });

  it('reads notes of a slide whose body is empty', async () => {
    const r = await read('edge_pandoc_slide_with_only_speaker_notes.pptx');
    expect(r.stats).toEqual({ slides: 3, notes: 1 });
    expect(headings(r, 1)).toEqual(['First slide', 'Slide 2', 'Third slide']);
    expect(texts(bySlide(r, 2))).toEqual(['Slide 2', 'Speaker notes', 'Some notes here: this first slide should use the Blank template']);
  });

  it('counts only notes with text: notes pages holding just a slide number are not notes', async () => {
    const r = await read('edge_many_group_shapes_poi.pptx');
    expect(r.stats).toEqual({ slides: 1, notes: 0 });
    expect(texts(r.tree.children)).toEqual(['Slide 1']);
  });

  it('reads a real talk deck with titles, bullets and notes on many slides', async () => {
    const r = await read('en_apache_httpd_performance_talk_41notes.pptx');
    expect(r.stats.slides).toBe(48);
    expect(r.stats.notes).toBeGreaterThan(0);
    expect(headings(r, 1)).toHaveLength(48);
    expect(headings(r, 2).every((h) => h === 'Speaker notes')).toBe(true);
    expect(headings(r, 2)).toHaveLength(r.stats.notes!);
    // Every top-level node says which slide it is from, in slide order.
    let last = 0;
    for (const node of r.tree.children) {
      const m = /^slide (\d+)$/.exec(node.data?.location ?? '');
      expect(m).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThanOrEqual(last);
      last = Number(m![1]);
    }
    expect(last).toBe(48);
  });

  it('refuses a deck with no slides', async () => {
    const e = await errorOf(read('edge_NO_SLIDES.pptx'));
    expect(e.code).toBe('no_slides');
    expect(e.message).toContain('edge_NO_SLIDES.pptx has no slides.');
  });

  it.each(['edge_CORRUPT_fuzzer_minimized.pptx', 'edge_TRUNCATED_no_central_directory.pptx'])('reports %s as corrupt_file', async (name) => {
    const e = await errorOf(read(name));
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toContain(name);
  });

  it('reads pandoc tables with their header row', async () => {
    const r = await read('pandoc_generated_tables.pptx');
    const table = bySlide(r, 1).find((c) => c.type === 'table')!;
    expect(rowsOf(table)).toEqual([
      ['Right', 'Left', 'Center', 'Default'],
      ['12', '12', '12', '12'],
      ['123', '123', '123', '123'],
      ['1', '1', '1', '1'],
    ]);
    expect(headings(r, 1)[0]).toBe('A Table, with a caption');
  });

  it('reads a Google Slides export: centred title, bullets, table', async () => {
    const r = await read('googleslides_sample_table_notes.pptx');
    expect(r.stats.slides).toBe(4);
    expect(headings(r, 1)).toEqual(['Title Slide', 'This is the first content slide', 'This is the second content slide', 'This is kinda backwards, huh?']);
    expect(texts(bySlide(r, 1))).toEqual(['Title Slide', 'With a subtitle']);
    const list = bySlide(r, 2).find((c) => c.type === 'list')!;
    expect(itemsOf(list)).toContain('With a sub-bullet');
    const table = bySlide(r, 4).find((c) => c.type === 'table')!;
    expect(rowsOf(table)).toEqual([
      ['Table', 'A', 'B', 'C'],
      ['1', 'A1', 'B1', 'C1'],
      ['2', 'A2', 'B2', 'C2'],
    ]);
  });

  it('reads Japanese text and its table', async () => {
    const r = await read('ja_table_textbox_small.pptx');
    const all = texts(r.tree.children).join('\n');
    expect(all).toContain('ゾルゲと尾崎、淡々と最期');
    const table = r.tree.children.find((c) => c.type === 'table')!;
    expect(rowsOf(table)).toEqual([
      ['Row 1 Col 1', 'Row 1 Col 2', 'Row 1 Col 3'],
      ['Row 2 Col 1', 'Row 2 Col 2', 'Row 2 Col 3'],
    ]);
    // Both lists use a:buChar in this file (the "numbered" one was flattened to bullets when it was made).
    const lists = r.tree.children.filter((c) => c.type === 'list') as List[];
    expect(lists.map(itemsOf)).toEqual([
      ['Bullet 1', 'Bullet 2', 'Bullet 3'],
      ['Number bullet 1', 'Number bullet 2', 'Number bullet 3'],
    ]);
  });

  it('reads a chart: title (from the only series), series and categories', async () => {
    const r = await read('en_single_bar_chart.pptx');
    expect(texts(r.tree.children)).toEqual(['My Bar Chart', 'Chart: Sales\nSeries: Sales\nCategories: 1st Qtr, 2nd Qtr, 3rd Qtr, 4th Qtr']);
  });

  it('reads chart titles and series from a real deck with several charts', async () => {
    const r = await read('en_aascu_download5864_8charts_tables.pptx');
    const all = texts(r.tree.children).join('\n');
    expect(all).toContain('Chart: Total Enrollment (Millions)');
    expect(all).toContain('Series: 1990-1995, 1995-2000, 2000-2005, 2005-2010, 2010-2012');
  });

  it('reads SmartArt text as a list', async () => {
    const r = await read('en_talent_review_smartart_notes.pptx');
    const lists = bySlide(r, 8).filter((c) => c.type === 'list');
    expect(lists.map(itemsOf)).toContainEqual([
      'Communication and planning',
      'Line Manager Training and Prework',
      'Check data and gather insights',
      'Lead Talent Review sessions',
      'Update Workday',
      'Review total talent picture',
      'Ensure employee feedback and follow through',
    ]);
  });

  it('leaves external relationships alone', async () => {
    const r = await read('edge_external_relationships.pptx');
    expect(texts(r.tree.children)).toEqual(['Slide 1', 'Code is available at the python-pptx repository on GitHub']);
  });

  it('drops date placeholders but keeps the title', async () => {
    const r = await read('edge_malformed_date_placeholder.pptx');
    expect(texts(r.tree.children)).toEqual(['Test Slide']);
  });

  it('reads only the first maxSlides slides', async () => {
    const r = await read('en_apache_httpd_performance_talk_41notes.pptx', { ...defaultLimits, maxSlides: 5 });
    expect(r.stats.slides).toBe(5);
    expect(headings(r, 1)).toHaveLength(5);
    expect(r.tree.children.at(-1)!.data?.location).toBe('slide 5');
  });

  it('reads every corpus deck that is a valid zip without raw exceptions', async () => {
    const names = [
      'calibre_demo_as_slides_tables_chart_notes.pptx',
      'de_pzp_strategy_workshop_22groups.pptx',
      'edge_missing_rels_item.pptx',
      'edge_no_core_properties.pptx',
      'edge_overlapping_relationships.pptx',
      'he_research_methods_rtl_charts_tables_smartart.pptx',
      'libreoffice_nasa_gsfc_science_directorate_orgchart.pptx',
      'nl_dutch_flemish_table.pptx',
      'ole_object_embedded_xlsx_with_vml_emf.pptx',
    ];
    for (const name of names) {
      const r = await read(name);
      expect(r.stats.slides, name).toBeGreaterThan(0);
      expect(headings(r, 1), name).toHaveLength(r.stats.slides!);
    }
  });
});

describe('readPptx on a pptxgenjs deck', () => {
  it('reads the title, the cost table and the speaker notes', async () => {
    // pptxgenjs ships CommonJS typings; at run time the ESM build's default export is the class.
    const PptxGenJS = ((pptxgen as unknown as { default?: unknown }).default ?? pptxgen) as unknown as typeof pptxgen.default;
    const pptx = new PptxGenJS();
    pptx.defineSlideMaster({
      title: 'TITLED',
      objects: [{ placeholder: { options: { name: 'title', type: 'title', x: 0.5, y: 0.2, w: 9, h: 0.8 }, text: '' } }],
    });
    const slide = pptx.addSlide({ masterName: 'TITLED' });
    slide.addText('Year-one   cost\u00a0model', { placeholder: 'title' });
    // Added before the table but placed below it: the reader follows the page, top to bottom.
    slide.addText(
      [
        { text: 'Inference dominates at scale', options: { bullet: true } },
        { text: 'Review cost falls after month 6', options: { bullet: true } },
      ],
      { x: 0.5, y: 4.5, w: 9, h: 1 },
    );
    slide.addTable(
      [
        [{ text: 'Cost line' }, { text: 'One-off' }, { text: 'Monthly' }],
        [{ text: 'Inference (LLM API)' }, { text: '$0' }, { text: '$4,200' }],
        [{ text: 'Human review' }, { text: '$1,500' }, { text: '$9,000' }],
      ],
      { x: 0.5, y: 1.2, w: 9 },
    );
    slide.addNotes('Assumes 1,200 tokens per query and a 30% cache hit rate.');
    const second = pptx.addSlide();
    second.addText('Risks and mitigations', { x: 0.5, y: 0.5, w: 9, h: 1 });

    const bytes = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
    const r = await readBytes(bytes, 'cost.pptx');
    expect(r.stats).toEqual({ slides: 2, notes: 1 });
    const one = bySlide(r, 1);
    expect(one.map((c) => c.type)).toEqual(['heading', 'table', 'list', 'heading', 'paragraph']);
    expect(toString(one[0]!)).toBe('Year-one cost model');
    expect(rowsOf(one[1]!)).toEqual([
      ['Cost line', 'One-off', 'Monthly'],
      ['Inference (LLM API)', '$0', '$4,200'],
      ['Human review', '$1,500', '$9,000'],
    ]);
    expect(itemsOf(one[2]!)).toEqual(['Inference dominates at scale', 'Review cost falls after month 6']);
    expect(notesOf(r, 1)).toEqual(['Assumes 1,200 tokens per query and a 30% cache hit rate.']);
    expect(texts(bySlide(r, 2))).toEqual(['Slide 2', 'Risks and mitigations']);
  });
});

// ------------------------------------------------------------------------------------------
// Hand-built packages for the cases no real deck in the corpus covers.

const TRANSITIONAL = {
  p: 'http://schemas.openxmlformats.org/presentationml/2006/main',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const STRICT = {
  p: 'http://purl.oclc.org/ooxml/presentationml/main',
  a: 'http://purl.oclc.org/ooxml/drawingml/main',
  r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  rel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
};

interface SlideSpec {
  /** Inner XML of the slide's spTree; use the prefixes `p:`, `a:`, `r:` (rewritten for `prefixes`). */
  shapes: string;
  notes?: string;
  extraRels?: string;
}

function rels(entries: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries}</Relationships>`;
}

/** A minimal deck; `prefixes` renames p/a/r to show the reader does not depend on them. */
function buildDeck(slides: (SlideSpec | 'missing')[], opts: { ns?: typeof TRANSITIONAL; prefixes?: [string, string, string] } = {}): Uint8Array {
  const ns = opts.ns ?? TRANSITIONAL;
  const [P, A, R] = opts.prefixes ?? ['p', 'a', 'r'];
  const px = (xml: string): string => xml.replace(/<(\/?)p:/g, `<$1${P}:`).replace(/<(\/?)a:/g, `<$1${A}:`).replace(/ r:/g, ` ${R}:`);
  const decl = `xmlns:${P}="${ns.p}" xmlns:${A}="${ns.a}" xmlns:${R}="${ns.r}"`;
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    '_rels/.rels': strToU8(rels(`<Relationship Id="rId1" Type="${ns.rel}/officeDocument" Target="ppt/presentation.xml"/>`)),
  };
  const ids = slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`).join('');
  files['ppt/presentation.xml'] = strToU8(px(`<?xml version="1.0"?><p:presentation ${decl}><p:sldIdLst>${ids}</p:sldIdLst></p:presentation>`));
  files['ppt/_rels/presentation.xml.rels'] = strToU8(
    rels(slides.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns.rel}/slide" Target="slides/slide${i + 1}.xml"/>`).join('')),
  );
  slides.forEach((s, i) => {
    if (s === 'missing') return;
    const n = i + 1;
    files[`ppt/slides/slide${n}.xml`] = strToU8(px(`<?xml version="1.0"?><p:sld ${decl}><p:cSld><p:spTree>${s.shapes}</p:spTree></p:cSld></p:sld>`));
    let slideRels = s.extraRels ?? '';
    if (s.notes !== undefined) {
      slideRels += `<Relationship Id="rIdN" Type="${ns.rel}/notesSlide" Target="../notesSlides/notesSlide${n}.xml"/>`;
      files[`ppt/notesSlides/notesSlide${n}.xml`] = strToU8(px(`<?xml version="1.0"?><p:notes ${decl}><p:cSld><p:spTree>${s.notes}</p:spTree></p:cSld></p:notes>`));
    }
    files[`ppt/slides/_rels/slide${n}.xml.rels`] = strToU8(rels(slideRels));
  });
  return zipSync(files);
}

const sp = (text: string | string[], opts: { ph?: string; y?: number; hidden?: boolean } = {}): string => {
  const paras = (Array.isArray(text) ? text : [text]).map((t) => `<a:p>${t.startsWith('<') ? t : `<a:r><a:t>${t}</a:t></a:r>`}</a:p>`).join('');
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="s"${opts.hidden ? ' hidden="1"' : ''}/><p:cNvSpPr/><p:nvPr>${opts.ph ?? ''}</p:nvPr></p:nvSpPr>` +
    `<p:spPr>${opts.y === undefined ? '' : `<a:xfrm><a:off x="0" y="${opts.y}"/><a:ext cx="100" cy="100"/></a:xfrm>`}</p:spPr>` +
    `<p:txBody><a:bodyPr/>${paras}</p:txBody></p:sp>`
  );
};

describe('readPptx on hand-built packages', () => {
  it('reads Strict OOXML with unusual prefixes', async () => {
    const bytes = buildDeck(
      [{ shapes: sp('Strict title', { ph: '<p:ph type="title"/>' }) + sp('Body text', { y: 10 }), notes: sp('Said aloud', { ph: '<p:ph type="body" idx="1"/>' }) }],
      { ns: STRICT, prefixes: ['pml', 'dml', 'rel'] },
    );
    const r = await readBytes(bytes, 'strict.pptx');
    expect(texts(r.tree.children)).toEqual(['Strict title', 'Body text', 'Speaker notes', 'Said aloud']);
    expect(r.stats).toEqual({ slides: 1, notes: 1 });
  });

  it('skips slide number, date and footer placeholders, slide-number fields and hidden shapes; normalises whitespace', async () => {
    const shapes = [
      sp('7', { ph: '<p:ph type="sldNum" idx="12"/>' }),
      sp('1 March 2025', { ph: '<p:ph type="dt" idx="10"/>' }),
      sp('Confidential', { ph: '<p:ph type="ftr" idx="11"/>' }),
      sp('Leftover draft', { y: 5, hidden: true }),
      sp(['<a:r><a:t>Page </a:t></a:r><a:fld id="{1}" type="slidenum"><a:t>7</a:t></a:fld><a:r><a:t> of the plan</a:t></a:r>'], { y: 20 }),
      sp(['<a:r><a:t>  Cost\u00a0\u00a0per\t\tquery  </a:t></a:r><a:br/><a:r><a:t>   </a:t></a:r><a:br/><a:r><a:t> $0.004 </a:t></a:r>', '   ', ''], { y: 30 }),
      sp(['<a:fld id="{2}" type="datetime1"><a:t>2025-03-01</a:t></a:fld>'], { y: 40 }),
    ].join('');
    const r = await readBytes(buildDeck([{ shapes }]));
    // No title placeholder: the first short line at the top of the slide reads as its title.
    expect(texts(r.tree.children)).toEqual(['Page of the plan', 'Cost per query\n$0.004', '2025-03-01']);
    expect(r.tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(r.tree.children[1]).toMatchObject({ type: 'paragraph', data: { location: 'slide 1' } });
  });

  it('takes the first mc:Choice of alternate content, not the fallback too', async () => {
    const shapes = `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="a14">${sp('Equation text')}</mc:Choice><mc:Fallback>${sp('Equation text')}</mc:Fallback></mc:AlternateContent>`;
    const r = await readBytes(buildDeck([{ shapes }]));
    expect(texts(r.tree.children)).toEqual(['Slide 1', 'Equation text']);
  });

  it('groups bulleted paragraphs into lists and keeps plain ones as a paragraph', async () => {
    const bullet = (t: string, kind = '<a:buChar char="•"/>') => `<a:pPr>${kind}</a:pPr><a:r><a:t>${t}</a:t></a:r>`;
    const shapes = sp(['Assumptions:', bullet('10k users'), bullet('3 queries a day'), 'Steps:', bullet('Pilot', '<a:buAutoNum type="arabicPeriod"/>'), bullet('Rollout', '<a:buAutoNum type="arabicPeriod"/>')]);
    const r = await readBytes(buildDeck([{ shapes }]));
    const body = r.tree.children.slice(1);
    expect(body.map((c) => c.type)).toEqual(['paragraph', 'list', 'paragraph', 'list']);
    expect(itemsOf(body[1]!)).toEqual(['10k users', '3 queries a day']);
    expect((body[1] as List).ordered).toBe(false);
    expect((body[3] as List).ordered).toBe(true);
  });

  it('skips a slide whose part is missing and numbers the rest in order', async () => {
    const r = await readBytes(buildDeck([{ shapes: sp('First') }, 'missing', { shapes: sp('Third') }]));
    expect(r.stats.slides).toBe(2);
    expect(texts(r.tree.children)).toEqual(['Slide 1', 'First', 'Slide 2', 'Third']);
  });

  it('ignores an external relationship even when a shape points at it', async () => {
    const frame = `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="3" name="c"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="1" cy="1"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdX"/></a:graphicData></a:graphic></p:graphicFrame>`;
    const extraRels = `<Relationship Id="rIdX" Type="${TRANSITIONAL.rel}/chart" Target="https://example.com/chart.xml" TargetMode="External"/>`;
    const r = await readBytes(buildDeck([{ shapes: frame + sp('Text', { y: 10 }), extraRels }]));
    expect(texts(r.tree.children)).toEqual(['Slide 1', 'Text']);
  });

  it('reports malformed slide XML as corrupt_file', async () => {
    const e = await errorOf(readBytes(buildDeck([{ shapes: '<p:sp><a:p>' }]), 'broken.pptx'));
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toContain('broken.pptx');
  });

  it('refuses a zip without a presentation part', async () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document xmlns:w="x"/>') });
    const e = await errorOf(readBytes(bytes, 'essay.pptx'));
    expect(e.code).toBe('missing_main_part');
    expect(e.message).toContain('essay.pptx');
  });

  it('refuses a DOCX renamed to .pptx as missing_main_part, not as an empty deck', async () => {
    const bytes = zipSync({
      '_rels/.rels': strToU8(rels(`<Relationship Id="rId1" Type="${TRANSITIONAL.rel}/officeDocument" Target="word/document.xml"/>`)),
      'word/document.xml': strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
    });
    const e = await errorOf(readBytes(bytes, 'renamed.pptx'));
    expect(e.code).toBe('missing_main_part');
  });
});
