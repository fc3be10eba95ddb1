import { readFileSync } from 'node:fs';
import type { Heading, List, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { GradesheetError } from '../../errors.js';
import { defaultLimits, type Limits } from '../limits.js';
import { readPdf } from './pdf.js';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/corpus/real/pdf/${name}`, import.meta.url)));

async function read(name: string) {
  return readPdf(corpus(name), { file: name, limits: defaultLimits });
}

async function readBytes(bytes: Uint8Array, file = 'generated.pdf', limits: Limits = defaultLimits) {
  return readPdf(bytes, { file, limits });
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
const headings = (tree: Root) =>
  tree.children.filter((n): n is Heading => n.type === 'heading').map((h) => [h.depth, toString(h), h.data?.location] as const);
const paragraphs = (tree: Root) => tree.children.filter((n) => n.type === 'paragraph').map((n) => toString(n));
const tables = (tree: Root) =>
  tree.children.filter((n): n is Table => n.type === 'table').map((t) => t.children.map((row) => row.children.map((cell) => toString(cell))));
const lists = (tree: Root) => tree.children.filter((n): n is List => n.type === 'list').map((l) => l.children.map((item) => toString(item)));
const locations = (tree: Root) => tree.children.map((n: RootContent) => n.data?.location);

function expectPageLocations(tree: Root, pages: number) {
  for (const loc of locations(tree)) {
    expect(loc).toMatch(/^page \d+$/);
    const n = Number(loc!.slice(5));
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(pages);
  }
}

describe('readPdf on real files', () => {
  it('reads the two-column DPR paper: title heading on page 1, section headings, columns not interleaved', async () => {
    const { tree, stats } = await read('en_dpr_paper_two_column_2p.pdf');
    expect(stats.pages).toBe(2);
    expectPageLocations(tree, 2);
    const hs = headings(tree);
    expect(hs[0]).toEqual([1, 'Dense Passage Retrieval for Open-Domain Question Answering', 'page 1']);
    expect(hs.map((h) => h[1])).toEqual(expect.arrayContaining(['Abstract', '1 Introduction', '2 Background', '3 Dense Passage Retriever (DPR)']));
    // The rotated arXiv stamp in the margin is text, not a heading.
    expect(hs.some((h) => h[1].includes('arXiv'))).toBe(false);
    expect(text(tree)).toContain('arXiv:2004.04906v3');
    const ps = paragraphs(tree);
    // "ef-\nficient" is de-hyphenated; the abstract reads as one column.
    expect(ps).toContainEqual(expect.stringMatching(/^Open-domain question answering relies on efficient passage retrieval to select candidate contexts, where traditional sparse vector space models/));
    // The left column's first paragraph is whole, and no paragraph mixes the two columns.
    const intro = ps.find((p) => p.startsWith('Open-domain question answering (QA) (Voorhees, 1999)'));
    expect(intro).toContain('is a task that answers factoid questions using a large collection of documents. While early QA systems');
    expect(ps.some((p) => p.includes('(Voorhees, 1999)') && p.includes('Retrieval in open-domain QA is usually implemented'))).toBe(false);
    const order = text(tree);
    expect(order.indexOf('1 Introduction')).toBeLessThan(order.indexOf('Retrieval in open-domain QA is usually implemented'));
  });

  it('reads a PDF encrypted with an owner password only (no password needed to open)', async () => {
    const { tree, stats } = await read('edge_ENCRYPTED_copy_protected_owner_password.pdf');
    expect(stats.pages).toBe(2);
    expect(headings(tree)[0]?.[1]).toBe('LayoutParser: A Unified Toolkit for Deep Learning Based Document Image Analysis');
    expect(headings(tree).map((h) => h[1])).toContain('1 Introduction');
    expect(text(tree)).toContain('Recent advances in document image analysis (DIA)');
  });

  it('refuses a PDF that needs a user password with encrypted_file', async () => {
    const e = await failure(read('edge_ENCRYPTED_user_password_required.pdf'));
    expect(e.code).toBe('encrypted_file');
    expect(e.message).toContain('edge_ENCRYPTED_user_password_required.pdf');
    expect(e.message).toMatch(/password/i);
    expect(e.file).toBe('edge_ENCRYPTED_user_password_required.pdf');
  });

  it('refuses a PDF whose text is drawn as graphics with no_text_layer', async () => {
    const e = await failure(read('edge_no_text_layer_table_as_graphics.pdf'));
    expect(e.code).toBe('no_text_layer');
    expect(e.message).toContain('edge_no_text_layer_table_as_graphics.pdf');
    expect(e.message).toContain('looks like a scan or pictures of text');
    expect(e.message).toContain('upload the original document');
  });

  it('returns the hidden OCR layer of a scanned page when it holds real words, garbled or not', async () => {
    const { tree, stats } = await read('edge_scanned_page_with_garbage_ocr_layer.pdf');
    expect(stats.pages).toBe(1);
    expect(text(tree)).toContain('keep you posted on the progress of the Foundation');
    expectPageLocations(tree, 1);
  });

  it('reads all 76 pages of the guide whose xref needs repair', async () => {
    const { tree, stats } = await read('en_cancer_council_guide_76p_needs_repair.pdf');
    expect(stats.pages).toBe(76);
    expectPageLocations(tree, 76);
    const pagesWithText = new Set(locations(tree));
    expect(pagesWithText.size).toBeGreaterThan(60);
    expect(pagesWithText).toContain('page 76');
    const hs = headings(tree);
    expect(hs[0]).toEqual([1, 'Understanding Breast Cancer', 'page 1']);
    expect(hs).toContainEqual([2, 'Introduction', 'page 3']);
    expect(hs).toContainEqual([2, 'What is cancer?', 'page 6']);
    expect(lists(tree)).toContainEqual(['lobules – where milk is produced', 'ducts – tubes that carry milk to the nipples.']);
    // Running footers with the page number ("4 | Cancer Council") are dropped.
    expect(paragraphs(tree)).not.toContain('4 | Cancer Council');
    // A short two-column stretch (page 11) reads column by column.
    expect(paragraphs(tree)).toContain('While LCIS increases the risk of developing breast cancer, most women with this condition will not develop breast cancer.');
  });

  it('reads Korean text with tables (Hangul, columns, table rows, bullet lists)', async () => {
    const { tree, stats } = await read('ko_card_terms_text_with_tables.pdf');
    expect(stats.pages).toBe(1);
    const all = text(tree);
    expect(all).toMatch(/[\uAC00-\uD7A3]{4,}/);
    expect(all).toContain('적립한도 없이 할인점·주유·온라인쇼핑몰 1.5% 빅포인트 적립');
    const ts = tables(tree);
    expect(ts.length).toBeGreaterThanOrEqual(2);
    expect(ts[0]?.[0]).toEqual(['업종', '적립 대상']);
    expect(ts[0]).toContainEqual(['주유', '모든 주유소']);
    expect(lists(tree).flat()).toContain('주유는 LPG충전소 포함');
  });

  it('reads the PDF with an invalid structure (pdfminer fails on it)', async () => {
    const { tree, stats } = await read('en_us_federal_cybersecurity_leadership_2p_invalid_structure.pdf');
    expect(stats.pages).toBe(2);
    expect(headings(tree)).toContainEqual([1, 'Cybersecurity: Launching and Implementing the National Cybersecurity Strategy', 'page 1']);
    expect(text(tree)).toContain('the White House issued the National Cybersecurity Strategy');
  });

  it('reads text placed at negative coordinates', async () => {
    const { tree } = await read('en_apple_carbon_footprint_assurance_letter_negative_coords.pdf');
    expect(headings(tree).map((h) => h[1])).toContain('4 Conclusions');
    expect(text(tree)).toContain('All questions raised in the course of the review were answered by Apple');
    expectPageLocations(tree, 1);
  });

  it('keeps an Excel-exported cost sheet as tables', async () => {
    const { tree, stats } = await read('en_excel_exported_repair_invoice_3p_tables.pdf');
    expect(stats.pages).toBe(3);
    const ts = tables(tree);
    expect(ts[0]?.[0]).toEqual(['Insured name', 'Gabriel Diaz', 'Year', '2022']);
    expect(ts[1]).toContainEqual(['Body Labor', '2', '150', '300']);
    expect(ts[1]).toContainEqual(['GRAND TOTAL', '', '', '5,738']);
    // Excel scales each page to fit, so the title is 20.3 pt on page 1 and 22 pt on page 2.
    const [depth, title, location] = headings(tree)[0]!;
    expect([title, location]).toEqual(['ZAVA AUTO REPAIR', 'page 1']);
    expect(depth).toBeLessThanOrEqual(2);
  });

  it('keeps borderless (whitespace-aligned) tables, empty cells included', async () => {
    const { tree } = await read('en_inventory_report_borderless_table.pdf');
    const ts = tables(tree);
    expect(ts[0]?.[0]).toEqual(['Product Code', 'Location', 'Expected', 'Actual', 'Variance', 'Status']);
    expect(ts[0]).toContainEqual(['SKU-4563', 'D-22', '', '156', '', 'CRITICAL']);
    expect(ts[1]).toContainEqual(['SKU-6678', 'Software', '$200.00', '$42,000.00', '2024-10-25', 'High Value']);
  });

  it('reads the Google Docs two-column course outline column by column with its bullet lists', async () => {
    const { tree } = await read('en_product_dev_qa_course_module_google_docs.pdf');
    const ps = paragraphs(tree);
    expect(ps[0]).toBe('Module One - Introduction to Product Development and Quality Assurance');
    expect(ps).toContainEqual(expect.stringMatching(/^This module introduces the learner to the importance and principles of product development and quality assurance/));
    expect(lists(tree)[0]).toEqual([
      'What are product types?',
      'What challenges may arise in development?',
      'What is product development and quality assurance, and who is involved?',
      'The importance and benefits of product development and quality assurance',
      'Which products should be developed and tested?',
      'Ensuring standards and efficiency in development',
      'Timescales and conduct of development',
    ]);
  });

  it('gives every top-level node a page location on every corpus PDF it reads', async () => {
    for (const name of [
      'en_backus_1977_turing_lecture_p21.pdf',
      'en_environmental_report_2023_netzero_bad_colorspace.pdf',
      'en_network_interface_config_guide_p93.pdf',
      'en_reliance_corporate_overview_3p.pdf',
      'fr_olap_query_log_paper_12p.pdf',
    ]) {
      const { tree, stats } = await read(name);
      expect(tree.children.length).toBeGreaterThan(5);
      expectPageLocations(tree, stats.pages!);
    }
  });

  it('reads the French paper with numbered section headings at two depths', async () => {
    const { tree, stats } = await read('fr_olap_query_log_paper_12p.pdf');
    expect(stats.pages).toBe(12);
    const hs = headings(tree);
    expect(hs[0]).toEqual([1, 'Résumés et interrogations de logs de requêtes OLAP', 'page 1']);
    expect(hs).toContainEqual([1, '3 Le langage QSL', 'page 3']);
    expect(hs).toContainEqual([2, '3.1 Définitions préliminaires', 'page 3']);
  });
});

describe('readPdf on broken input', () => {
  it('refuses a truncated copy of a real PDF with corrupt_file', async () => {
    const bytes = corpus('en_dpr_paper_two_column_2p.pdf');
    const e = await failure(readBytes(bytes.slice(0, bytes.length >> 1), 'half.pdf'));
    expect(['corrupt_file', 'no_text_layer']).toContain(e.code);
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toContain('half.pdf');
    expect(e.message).toMatch(/export it again/i);
  });

  it('refuses a truncated copy of the 76-page guide with corrupt_file', async () => {
    const bytes = corpus('en_cancer_council_guide_76p_needs_repair.pdf');
    const e = await failure(readBytes(bytes.slice(0, bytes.length >> 1), 'guide.pdf'));
    expect(e.code).toBe('corrupt_file');
  });

  it('refuses random bytes behind a %PDF- header, an empty file and plain text', async () => {
    let seed = 42;
    const random = new Uint8Array(64 * 1024).map(() => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    random.set(new TextEncoder().encode('%PDF-1.7\n'));
    for (const [bytes, file] of [
      [random, 'random.pdf'],
      [new Uint8Array(0), 'empty.pdf'],
      [new TextEncoder().encode('%PDF-1.4\n'), 'header.pdf'],
      [new TextEncoder().encode('This is a cost model, honest.'), 'notes.pdf'],
    ] as const) {
      const e = await failure(readBytes(bytes, file));
      expect(['corrupt_file', 'no_text_layer']).toContain(e.code);
      expect(e.message).toContain(file);
    }
  });

  it('leaves the caller’s bytes intact (pdf.js gets a copy)', async () => {
    const bytes = corpus('ko_card_terms_text_with_tables.pdf');
    const before = bytes.length;
    await readBytes(bytes);
    expect(bytes.length).toBe(before);
    expect(bytes.buffer.byteLength).toBeGreaterThan(0);
    // The same bytes read twice give the same tree.
    expect((await readBytes(bytes)).tree).toEqual((await readBytes(bytes)).tree);
  });
});

describe('readPdf on generated PDFs', () => {
  async function twoPageReport(): Promise<Uint8Array> {
    const doc = await PDFDocument.create();
    const regular = await doc.embedFont(StandardFonts.Helvetica);
    const bold = await doc.embedFont(StandardFonts.HelveticaBold);
    const write = (page: ReturnType<typeof doc.addPage>, lines: [string, number, number, number?][]) => {
      for (const [t, x, y, size = 11] of lines) page.drawText(t, { x, y, size, font: size > 11 ? bold : regular });
    };
    const p1 = doc.addPage([612, 792]);
    write(p1, [
      ['Cost Model', 72, 720, 24],
      ['Assumptions', 72, 680, 16],
      ['We assume ten thousand requests a day at launch, growing by a', 72, 650],
      ['fifth every month until the end of the first year of the exam-', 72, 636],
      ['ple rollout, with no change in the price of tokens.', 72, 622],
      ['Caching halves the cost of repeated prompts.', 72, 596],
      ['• Inference: 1,200 USD a month', 72, 570],
      ['• Storage: 80 USD a month', 72, 556],
      ['Item', 72, 520],
      ['Unit cost', 220, 520],
      ['Monthly', 380, 520],
      ['Inference', 72, 504],
      ['0.002 USD', 220, 504],
      ['1,200 USD', 380, 504],
      ['Storage', 72, 488],
      ['0.02 USD/GB', 220, 488],
      ['80 USD', 380, 488],
      ['1', 300, 40],
    ]);
    const p2 = doc.addPage([612, 792]);
    write(p2, [
      ['Rollout Plan', 72, 720, 24],
      ['The pilot starts with two teams and widens after a review of the', 72, 690],
      ['first month. A Well-', 72, 676],
      ['Known risk is latency.', 72, 662],
      ['2', 300, 40],
    ]);
    return doc.save();
  }

  it('finds headings by size, paragraphs, lists, a table and page locations', async () => {
    const { tree, stats } = await readBytes(await twoPageReport(), 'report.pdf');
    expect(stats.pages).toBe(2);
    expect(headings(tree)).toEqual([
      [1, 'Cost Model', 'page 1'],
      [2, 'Assumptions', 'page 1'],
      [1, 'Rollout Plan', 'page 2'],
    ]);
    expect(paragraphs(tree)).toEqual([
      'We assume ten thousand requests a day at launch, growing by a fifth every month until the end of the first year of the example rollout, with no change in the price of tokens.',
      'Caching halves the cost of repeated prompts.',
      // "Well-\nKnown": uppercase after the hyphen, so the hyphen stays.
      'The pilot starts with two teams and widens after a review of the first month. A Well-Known risk is latency.',
    ]);
    expect(lists(tree)).toEqual([['Inference: 1,200 USD a month', 'Storage: 80 USD a month']]);
    expect(tables(tree)).toEqual([
      [
        ['Item', 'Unit cost', 'Monthly'],
        ['Inference', '0.002 USD', '1,200 USD'],
        ['Storage', '0.02 USD/GB', '80 USD'],
      ],
    ]);
    // Page numbers at the foot of the pages are dropped.
    expect(text(tree)).not.toMatch(/^\d$/m);
    expect(locations(tree)).toEqual(['page 1', 'page 1', 'page 1', 'page 1', 'page 1', 'page 1', 'page 2', 'page 2']);
  });

  it('reads a two-column page column by column', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.TimesRoman);
    const page = doc.addPage([612, 792]);
    page.drawText('Two Columns', { x: 72, y: 730, size: 20, font });
    for (let i = 0; i < 12; i++) {
      const y = 690 - i * 13;
      page.drawText(`Left line ${i + 1} of the first column goes on and on.`, { x: 72, y, size: 10, font });
      page.drawText(`Right line ${i + 1} of the second column goes on too.`, { x: 320, y, size: 10, font });
    }
    const { tree } = await readBytes(await doc.save(), 'columns.pdf');
    expect(headings(tree)).toEqual([[1, 'Two Columns', 'page 1']]);
    const ps = paragraphs(tree);
    expect(ps).toHaveLength(2);
    expect(ps[0]).toMatch(/^Left line 1 of the first column goes on and on\. Left line 2 /);
    expect(ps[0]).not.toContain('Right');
    expect(ps[1]).toMatch(/^Right line 1 .* Right line 12 of the second column goes on too\.$/);
  });

  it('reads rotated text in its own frame', async () => {
    const { degrees } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 792]);
    const lines = ['This landscape table was rotated on the page by its author.', 'Each line should still read from left to right as words.'];
    lines.forEach((t, i) => page.drawText(t, { x: 100 + i * 14, y: 100, size: 11, font, rotate: degrees(90) }));
    const { tree } = await readBytes(await doc.save(), 'rotated.pdf');
    expect(paragraphs(tree)).toEqual([lines.join(' ')]);
  });

  it('throws too_many_pages above limits.maxPdfPages (rather than reading part of the file)', async () => {
    const e = await failure(readBytes(await twoPageReport(), 'long.pdf', { ...defaultLimits, maxPdfPages: 1 }));
    expect(e.code).toBe('too_many_pages');
    expect(e.message).toContain('long.pdf');
    expect(e.message).toContain('2 pages');
  });

  it('refuses a PDF with only a page number and a stamp per page as no_text_layer', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (let i = 1; i <= 5; i++) {
      const page = doc.addPage([612, 792]);
      page.drawText('Scanned with CamScanner', { x: 72, y: 60, size: 8, font });
      page.drawText(String(i), { x: 300, y: 40, size: 10, font });
    }
    const e = await failure(readBytes(await doc.save(), 'scan.pdf'));
    expect(e.code).toBe('no_text_layer');
    expect(e.message).toContain('scan.pdf');
  });
});
