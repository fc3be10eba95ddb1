import { readFileSync } from 'node:fs';
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { Heading, List, Root, RootContent, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GradesheetError } from '../../errors.js';
import { defaultLimits } from '../limits.js';
import { readDocx } from './docx.js';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/corpus/real/docx/${name}`, import.meta.url)));

async function read(name: string) {
  return readDocx(corpus(name), { file: name, limits: defaultLimits });
}

async function readBytes(bytes: Uint8Array, file = 'generated.docx') {
  return readDocx(bytes, { file, limits: defaultLimits });
}

async function failure(promise: Promise<unknown>): Promise<GradesheetError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(GradesheetError);
    return e as GradesheetError;
  }
  throw new Error('expected the read to fail');
}

const text = (tree: Root) => tree.children.map((n) => toString(n)).join('\n');
const headings = (tree: Root) => tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => [h.depth, toString(h)] as const);
const tables = (tree: Root) =>
  tree.children.filter((n): n is MdTable => n.type === 'table').map((t) => t.children.map((row) => row.children.map((cell) => toString(cell))));
const lists = (tree: Root) => tree.children.filter((n): n is List => n.type === 'list').map((l) => l.children.map((item) => toString(item)));
const locations = (tree: Root) => tree.children.map((n: RootContent) => n.data?.location);

describe('readDocx on real files', () => {
  it('detects headings by style name in a document saved by Russian Word (opaque style ids "1", "2", "a4")', async () => {
    const { tree, stats } = await read('edge_localized_style_ids_russian_word.docx');
    expect(headings(tree)).toEqual([
      [1, 'This is Heading 1'],
      [2, 'This is Heading 2'],
    ]);
    // "Quote" and "Block Text" styles are not headings; numbered "List Paragraph" items form one list.
    expect(tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n))).toEqual(['This is Quote', 'This is Block Text']);
    expect(lists(tree)).toEqual([['This is list item 1', 'This is list item 2']]);
    expect(stats).toEqual({ pages: 1 });
    expect(locations(tree).every((l) => l === 'page 1')).toBe(true);
  });

  it('reads text inside a text box once (mc:Choice kept, the VML mc:Fallback copy skipped)', async () => {
    const { tree } = await read('text_in_textbox.docx');
    expect(text(tree)).toBe('Datum plane');
    expect(tree.children).toHaveLength(1);
  });

  it('reads Office Math text from m:t, with fractions and scripts kept legible', async () => {
    const { tree } = await read('edge_omml_equations_text_in_m_t.docx');
    const paragraphs = tree.children.map((n) => toString(n));
    expect(paragraphs[0]).toBe('For m=1,');
    expect(paragraphs[1]).toContain('θ=mλ/a');
    expect(paragraphs[1]).toContain('10^-6 mm');
    expect(paragraphs[2]).toBe('The angle is θ=sin^-1 (2.2×10^-4)=2.2×10^-4rad.');
  });

  it('keeps inserted and drops deleted text of tracked changes (the accepted view)', async () => {
    const { tree } = await read('en_small_tracked_insertions_deletions.docx');
    const all = text(tree);
    expect(all).toContain('March 2009: Apache Tika Release');
    expect(all).toContain('Apache Tika 0.3 has been released.');
    expect(all).toContain('Lucene Boot Camp - A two day training session, March 23 & 24th');
    expect(all).not.toContain('A pendant worn in place of the red spot');
    expect(all).not.toContain('Tika Waylan');
    expect(all).not.toContain('DragonLance');
    // Field codes are not text; field results are.
    expect(all).not.toContain('HYPERLINK');
    expect(all).toContain('ApacheCon EU 2009');
  });

  it('reads tracked changes in a long real ordinance without field codes or deleted runs', async () => {
    const { tree, stats } = await read('en_city_adu_ordinance_tracked_changes.docx');
    const all = text(tree);
    expect(all).toContain('18.02.040 Definitions.');
    expect(all).not.toMatch(/HYPERLINK|PAGEREF|MERGEFORMAT/);
    expect(stats.pages).toBeGreaterThan(5);
  });

  it('reads ISO Strict OOXML (purl.oclc.org namespaces and relationship types)', async () => {
    const { tree } = await read('edge_strict_ooxml_namespace.docx');
    expect(text(tree)).toBe('Test');
  });

  it('reads XML parts that start with a UTF-8 byte-order mark', async () => {
    const { tree } = await read('edge_xml_parts_with_utf8_bom.docx');
    expect(text(tree)).toBe('This XML has a byte order mark.');
  });

  it('reads the content of content controls (w:sdt), also when one wraps a table cell', async () => {
    const { tree } = await read('structured_document_tags_content_controls.docx');
    expect(tables(tree)).toEqual([
      [
        ['col1Header', 'col2Header', 'col3Header'],
        ['col1 content', 'Body copy', 'col3 content'],
      ],
    ]);
    // The drop-down's choices in w:sdtPr are not text of the document.
    expect(text(tree)).not.toContain('Accessibility text');
  });

  it('reads vertically merged header cells as empty continuation cells and pads spanned columns', async () => {
    const { tree } = await read('table_header_rowspan_vmerge.docx');
    const [table] = tables(tree);
    expect(table![0]).toEqual(['A', 'B', 'C', 'D', 'E', '', '', 'F']);
    expect(table![1]).toEqual(['', '', '', '', 'G', 'H', 'I', '']);
    expect(table![2]).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(table!.every((row) => row.length === 8)).toBe(true);
  });

  it('reads a feature-rich real document: headings, tables, a nested table, lists, drop cap, footnotes and endnotes', async () => {
    const { tree, stats } = await read('calibre_docx_feature_demo_1p3mb.docx');
    const h = headings(tree);
    expect(h[0]).toEqual([1, 'Demonstration of DOCX support in calibre']);
    expect(h).toContainEqual([1, 'Tables']);
    expect(h).toContainEqual([2, 'Bulleted List']);
    const t = tables(tree);
    expect(t[0]![0]).toEqual(['ITEM', 'NEEDED']);
    expect(t[0]).toContainEqual(['Pens', '3']);
    // The nested table's text is flattened into the cell that holds it.
    expect(t.some((table) => table[0]![0] === 'One Three Two Four')).toBe(true);
    expect(lists(tree)).toContainEqual(['One', 'Two']);
    // The drop cap "D" is joined back to its paragraph.
    expect(text(tree)).toContain('Drop caps are used to emphasize');
    const footnotes = tree.children.findIndex((n) => n.type === 'heading' && toString(n) === 'Footnotes');
    expect(footnotes).toBeGreaterThan(0);
    expect(toString(tree.children[footnotes + 1]!)).toMatch(/^1 In paged media, footnotes are usually displayed/);
    expect(headings(tree)).toContainEqual([2, 'Endnotes']);
    // Footnotes sit at the page of the last block.
    const last = tree.children.length - 1;
    expect(tree.children[footnotes]!.data?.location).toBe(tree.children[footnotes - 1]!.data?.location);
    expect(tree.children[last]!.data?.location).toBe(`page ${stats.pages}`);
  });

  it('tracks pages from rendered and hard page breaks, counting a hard break followed by its rendered break once', async () => {
    // 3 hard breaks, each followed by Word's rendered-break marker, and one more rendered break: 4 pages (docProps says 4).
    const { tree, stats } = await read('de_grant_application_form_tables.docx');
    expect(stats.pages).toBe(4);
    const at = (needle: string) => tree.children.find((n) => toString(n).includes(needle))?.data?.location;
    expect(at('ANTRAG AUF GEWÄHRUNG')).toBe('page 1');
    expect(at('Förderungserklärung')).toBe('page 2');
    expect(at('Status 20.01.2012')).toBe('page 3');
    expect(at('9. Inkrafttreten')).toBe('page 4');
    // Locations never go backwards.
    const pages = locations(tree).map((l) => Number(l!.slice(5)));
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
  });

  it('matches the page count Word stored for a rendered document', async () => {
    const { stats } = await read('ru_library_calendar_2017_table.docx');
    expect(stats.pages).toBe(15); // docProps/app.xml: <Pages>15</Pages>
  });

  it('reads non-Latin real documents (Arabic RTL, Japanese) with tables and footnotes', async () => {
    const ar = await read('ar_un_cedaw_report_rtl_tables_comments.docx');
    expect(headings(ar.tree)).toContainEqual([1, 'المحتويات']);
    expect(tables(ar.tree).length).toBeGreaterThanOrEqual(10);
    expect(headings(ar.tree)).toContainEqual([2, 'Footnotes']);
    const ja = await read('ja_procurement_proposal_guidelines_tables.docx');
    expect(text(ja.tree)).toContain('別紙');
    expect(tables(ja.tree)).toHaveLength(5);
  });

  it('ignores comments', async () => {
    const { tree } = await read('comments_mammoth.docx');
    expect(text(tree)).toBe('Ouch.');
  });

  it('every top-level node carries a page location', async () => {
    for (const name of ['en_cancer_statistics_6tables_13images.docx', 'es_urban_land_policy_draft.docx', 'en_hipaa_notice_of_privacy_practices_policy.docx']) {
      const { tree, stats } = await read(name);
      expect(tree.children.length).toBeGreaterThan(20);
      for (const node of tree.children) expect(node.data?.location).toMatch(/^page \d+$/);
      expect(stats.pages).toBeGreaterThan(1);
    }
  });
});

describe('readDocx refuses unusable files with GradesheetError', () => {
  it('no main document part → missing_main_part', async () => {
    const e = await failure(read('edge_no_main_document_part_theme_only.docx'));
    expect(e.code).toBe('missing_main_part');
    expect(e.message).toMatch(/^edge_no_main_document_part_theme_only\.docx has no document body \(.+\)\. Save it as a Word document \(\.docx\) and upload it again\.$/);
    expect(e.file).toBe('edge_no_main_document_part_theme_only.docx');
  });

  it('100 MB zip bomb → zip_bomb', async () => {
    const e = await failure(read('edge_ZIPBOMB_100MB_document_xml.docx'));
    expect(e.code).toBe('zip_bomb');
  });

  it('600 MB zip bomb → zip_bomb, fast and without inflating it all', async () => {
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const e = await failure(read('edge_ZIPBOMB_600MB_document_xml.docx'));
    expect(e.code).toBe('zip_bomb');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it('10,006 entries → too_many_entries', async () => {
    const e = await failure(read('edge_ZIP_10006_entries.docx'));
    expect(e.code).toBe('too_many_entries');
  });

  it('a password-protected document (an OLE2 container, not a zip) → encrypted_file', async () => {
    const e = await failure(read('edge_ENCRYPTED_password_is_pass.docx'));
    expect(e.code).toBe('encrypted_file');
  });

  it('a truncated archive → corrupt_file', async () => {
    const e = await failure(read('edge_TRUNCATED_docx.docx'));
    expect(e.code).toBe('corrupt_file');
  });
});

describe('readDocx on documents generated with the docx package', () => {
  async function generate(doc: Document): Promise<Uint8Array> {
    return new Uint8Array(await Packer.toBuffer(doc));
  }

  it('reads Title, headings, a bullet list, a numbered list, a table, page breaks and a footnote', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'steps', levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }] }],
      },
      footnotes: { 1: { children: [new Paragraph('Source: internal pricing sheet.')] } },
      sections: [
        {
          children: [
            new Paragraph({ text: 'AI Assistant Rollout Plan', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Roadmap', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('Q1:\u00a0 discovery   and\tpilot'), new FootnoteReferenceRun(1)] }),
            new Paragraph({ text: 'Milestones', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Pilot with two teams', bullet: { level: 0 } }),
            new Paragraph({ text: 'General availability', bullet: { level: 0 } }),
            new Paragraph({ text: 'Steps', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Collect feedback', numbering: { reference: 'steps', level: 0 } }),
            new Paragraph({ text: 'Ship', numbering: { reference: 'steps', level: 0 } }),
            new Paragraph({ children: [new TextRun('Line one'), new TextRun({ text: 'Line two', break: 1 })] }),
            new Paragraph({ children: [new PageBreak()] }),
            new Paragraph({ text: 'Costs', heading: HeadingLevel.HEADING_1 }),
            new Table({
              rows: [
                new TableRow({ children: ['Item', 'Monthly cost'].map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('Inference'), new Paragraph('(GPU hours)')] }),
                    new TableCell({ children: [new Paragraph('$12,000')] }),
                  ],
                }),
              ],
            }),
            new Paragraph(''),
            new Paragraph({ text: 'Policy', heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
            new Paragraph('Human review of every decision.'),
          ],
        },
      ],
    });
    const { tree, stats } = await readBytes(await generate(doc));
    expect(headings(tree)).toEqual([
      [1, 'AI Assistant Rollout Plan'],
      [1, 'Roadmap'],
      [2, 'Milestones'],
      [2, 'Steps'],
      [1, 'Costs'],
      [1, 'Policy'],
      [2, 'Footnotes'],
    ]);
    const bullets = tree.children.find((n): n is List => n.type === 'list' && !n.ordered);
    const steps = tree.children.find((n): n is List => n.type === 'list' && n.ordered === true);
    expect(bullets?.children.map((i) => toString(i))).toEqual(['Pilot with two teams', 'General availability']);
    expect(steps?.children.map((i) => toString(i))).toEqual(['Collect feedback', 'Ship']);
    expect(tables(tree)).toEqual([
      [
        ['Item', 'Monthly cost'],
        ['Inference (GPU hours)', '$12,000'],
      ],
    ]);
    const paragraphs = tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
    expect(paragraphs).toContain('Q1: discovery and pilot'); // nbsp, runs of spaces and the tab collapse
    expect(paragraphs).toContain('Line one\nLine two');
    expect(paragraphs).not.toContain(''); // empty paragraphs are dropped
    expect(paragraphs.at(-1)).toBe('1 Source: internal pricing sheet.');
    // Page 1 until the page break, page 2 for the costs, page 3 after "page break before".
    const at = (needle: string) => tree.children.find((n) => toString(n) === needle)?.data?.location;
    expect(at('AI Assistant Rollout Plan')).toBe('page 1');
    expect(at('Line one\nLine two')).toBe('page 1');
    expect(at('Costs')).toBe('page 2');
    expect(tree.children.find((n) => n.type === 'table')?.data?.location).toBe('page 2');
    expect(at('Policy')).toBe('page 3');
    expect(at('Human review of every decision.')).toBe('page 3');
    expect(stats).toEqual({ pages: 3 });
  });

  it('reads an empty document as an empty tree on one page', async () => {
    const { tree, stats } = await readBytes(await generate(new Document({ sections: [{ children: [new Paragraph('')] }] })));
    expect(tree).toEqual({ type: 'root', children: [] });
    expect(stats).toEqual({ pages: 1 });
  });
});

describe('readDocx on hand-written WordprocessingML', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

  /** A minimal package: the main part at a non-standard path, found through _rels/.rels. */
  function pkg(body: string, styles = ''): Uint8Array {
    const files: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/Content/Main.xml"/></Relationships>`,
      ),
      'Content/Main.xml': strToU8(
        `<?xml version="1.0"?><w:document xmlns:w="${W}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${body}</w:body></w:document>`,
      ),
    };
    if (styles) {
      files['Content/_rels/Main.xml.rels'] = strToU8(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="Styles/S.xml"/></Relationships>`,
      );
      files['Content/Styles/S.xml'] = strToU8(`<?xml version="1.0"?><w:styles xmlns:w="${W}">${styles}</w:styles>`);
    }
    return zipSync(files);
  }
  const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
  const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

  it('resolves headings through basedOn chains and outline levels, with direct outline levels winning', async () => {
    const styles = [
      '<w:style w:type="paragraph" w:default="1" w:styleId="N"><w:name w:val="Normal"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="x1"><w:name w:val="heading 3"/><w:basedOn w:val="N"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="x2"><w:name w:val="Fancy Section"/><w:basedOn w:val="x1"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="x3"><w:name w:val="Überschrift Eigene"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="x4"><w:name w:val="Subtitle"/><w:basedOn w:val="x1"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="x5"><w:name w:val="HEADING 9"/></w:style>',
      '<w:style w:type="character" w:styleId="x6"><w:name w:val="heading 1"/></w:style>',
      '<w:style w:type="paragraph" w:styleId="loop"><w:name w:val="Loop"/><w:basedOn w:val="loop"/></w:style>',
    ].join('');
    const body = [
      p(r('Inherited'), '<w:pStyle w:val="x2"/>'),
      p(r('By outline level'), '<w:pStyle w:val="x3"/>'),
      p(r('A subtitle'), '<w:pStyle w:val="x4"/>'),
      p(r('Capped'), '<w:pStyle w:val="x5"/>'),
      p(r('Direct'), '<w:outlineLvl w:val="0"/>'),
      p(r('Body text level'), '<w:pStyle w:val="x1"/><w:outlineLvl w:val="9"/>'),
      p(r('Character style id'), '<w:pStyle w:val="x6"/>'),
      p(r('Self-based style'), '<w:pStyle w:val="loop"/>'),
    ].join('');
    const { tree } = await readBytes(pkg(body, styles));
    expect(tree.children.map((n) => (n.type === 'heading' ? `h${n.depth} ${toString(n)}` : `p ${toString(n)}`))).toEqual([
      'h3 Inherited',
      'h2 By outline level',
      'p A subtitle',
      'h6 Capped',
      'h1 Direct',
      'p Body text level',
      'p Character style id',
      'p Self-based style',
    ]);
  });

  it('keeps moved-to and inserted text, drops moved-from text, field codes, placeholders and ruby guides', async () => {
    const body = [
      p(`<w:moveFrom>${r('old place')}</w:moveFrom><w:moveTo>${r('new place')}</w:moveTo><w:ins>${r(' added')}</w:ins><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>`),
      p(
        `${r('See ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('Table 2')}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" PAGE ">${r('7')}</w:fldSimple>`,
      ),
      `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>${p(r('Click or tap here to enter text.'))}</w:sdtContent></w:sdt>`,
      `<w:sdt><w:sdtPr><w:alias w:val="Owner"/></w:sdtPr><w:sdtContent>${p(r('Jane Doe'))}</w:sdtContent></w:sdt>`,
      p(`<w:ruby><w:rt>${r('かんじ')}</w:rt><w:rubyBase>${r('漢字')}</w:rubyBase></w:ruby>`),
      p(`${r('a')}<w:r><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t></w:r>`),
    ].join('');
    const { tree } = await readBytes(pkg(body));
    expect(tree.children.map((n) => toString(n))).toEqual(['new place added', 'See Table 27', 'Jane Doe', '漢字', 'a b\nc\nd-e']);
  });

  it('emits text-box paragraphs after their anchor, also from VML-only text boxes and inside table cells', async () => {
    const box = (t: string) => `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p(r(t))}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;
    const body = [
      p(`${r('Anchor')}${box('Boxed')}${r(' continues')}`),
      p(r('Next')),
      `<w:tbl><w:tr><w:tc>${p(`${r('Cell')}${box('cell box')}`)}</w:tc><w:tc><w:tbl><w:tr><w:tc>${p(r('inner'))}</w:tc><w:tc>${p(r('table'))}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`,
    ].join('');
    const { tree } = await readBytes(pkg(body));
    expect(tree.children.map((n) => n.type + ':' + toString(n))).toEqual(['paragraph:Anchor continues', 'paragraph:Boxed', 'paragraph:Next', 'table:Cell cell boxinner table']);
    expect(tables(tree)).toEqual([[['Cell cell box', 'inner table']]]);
  });

  it('counts hard, rendered and section page breaks, each page once', async () => {
    const body = [
      p(r('one')),
      p(`${r('still one')}<w:r><w:br w:type="page"/></w:r>`),
      p(''),
      p(`<w:r><w:lastRenderedPageBreak/><w:t>two</w:t></w:r>`), // Word's rendered marker for the same break
      p(r('two, section ends'), '<w:sectPr><w:type w:val="nextPage"/></w:sectPr>'),
      p(r('three'), '<w:sectPr><w:type w:val="continuous"/></w:sectPr>'),
      p(`${r('three, then ')}<w:r><w:lastRenderedPageBreak/><w:t>four</w:t></w:r>`),
      p(r('five'), '<w:pageBreakBefore/>'),
      p(r('five too'), '<w:pageBreakBefore w:val="0"/>'),
      p(`<w:r><w:br w:type="column"/><w:t>col</w:t></w:r>`),
    ].join('');
    const { tree, stats } = await readBytes(pkg(body));
    expect(tree.children.map((n) => `${n.data?.location}: ${toString(n)}`)).toEqual([
      'page 1: one',
      'page 1: still one',
      'page 2: two',
      'page 2: two, section ends',
      'page 3: three',
      'page 3: three, then four',
      'page 5: five',
      'page 5: five too',
      'page 5: col',
    ]);
    expect(stats).toEqual({ pages: 5 });
  });

  it('reads block-level math outside a paragraph', async () => {
    const body = `<m:oMathPara><m:oMath><m:r><m:t>E=m</m:t></m:r><m:sSup><m:e><m:r><m:t>c</m:t></m:r></m:e><m:sup><m:r><m:t>2</m:t></m:r></m:sup></m:sSup></m:oMath></m:oMathPara>${p(r('after'))}`;
    const { tree } = await readBytes(pkg(body));
    expect(tree.children.map((n) => toString(n))).toEqual(['E=mc^2', 'after']);
  });

  it('refuses a DTD in the main part and malformed XML', async () => {
    const dtd = zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x "y">]><w:document xmlns:w="${W}"><w:body/></w:document>`),
    });
    expect((await failure(readBytes(dtd))).code).toBe('xml_entity_declaration');
    const broken = zipSync({ 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p></w:body></w:document>`) });
    expect((await failure(readBytes(broken))).code).toBe('corrupt_file');
  });

  it('falls back to word/document.xml (any case) when the package has no relationships', async () => {
    const bytes = zipSync({ 'Word/Document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body>${p(r('found'))}</w:body></w:document>`) });
    const { tree } = await readBytes(bytes);
    expect(text(tree)).toBe('found');
    const none = zipSync({ 'word/other.xml': strToU8('<x/>') });
    expect((await failure(readBytes(none, 'essay.docx'))).message).toBe(
      'essay.docx has no document body (there is no word/document.xml part). Save it as a Word document (.docx) and upload it again.',
    );
  });
});
