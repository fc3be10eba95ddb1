import { describe, expect, it } from 'vitest';
import { documentSchema } from '../src/documents/model.js';
import { corpusDir, corpusEntries, parseInWorker } from './helpers/corpus.js';

/** Files the corpus marks as unusable, and the typed error each must get. */
const expectedErrors: Record<string, string> = {
  'docx/edge_ENCRYPTED_password_is_pass.docx': 'encrypted_file',
  'docx/edge_TRUNCATED_docx.docx': 'corrupt_file',
  'docx/edge_ZIPBOMB_100MB_document_xml.docx': 'zip_bomb',
  'docx/edge_ZIPBOMB_600MB_document_xml.docx': 'zip_bomb',
  'docx/edge_ZIP_10006_entries.docx': 'too_many_entries',
  'docx/edge_no_main_document_part_theme_only.docx': 'missing_main_part',
  'pdf/edge_ENCRYPTED_user_password_required.pdf': 'encrypted_file',
  'pdf/edge_no_text_layer_table_as_graphics.pdf': 'no_text_layer',
  'pptx/edge_CORRUPT_fuzzer_minimized.pptx': 'corrupt_file',
  'pptx/edge_NO_SLIDES.pptx': 'no_slides',
  'pptx/edge_TRUNCATED_no_central_directory.pptx': 'corrupt_file',
  // No text at all (checked with unzip: no w:t / a:t runs, or only slide numbers).
  'docx/edge_external_image_relationship.docx': 'empty_document',
  'pptx/edge_many_group_shapes_poi.pptx': 'empty_document',
  'pptx/group_shapes_python_pptx.pptx': 'empty_document',
  'pptx/ole_object_embedded_xlsx_with_vml_emf.pptx': 'empty_document',
};

const entries = corpusEntries();

describe('the real-world corpus', () => {
  it('lists every format', () => {
    const formats = new Set(entries.map((e) => e.file.split('/')[0]));
    expect([...formats].sort()).toEqual(['docx', 'md', 'pdf', 'pptx']);
    expect(entries.length).toBeGreaterThan(80);
  });

  // Each file parses in a worker capped at 256 MB of heap and 30 s: a hang or a blow-up fails the test.
  it.each(entries.map((e) => e.file))('%s parses or is refused with a typed error', async (file) => {
    const result = await parseInWorker(corpusDir + file);
    const expected = expectedErrors[file];
    if (expected) {
      expect(result.ok ? 'parsed' : result.code).toBe(expected);
      if (!result.ok) expect(result.message).toContain(file.split('/')[1]!);
      return;
    }
    if (!result.ok) throw new Error(`${file} was refused: ${result.code}: ${result.message}`);
    const doc = documentSchema.parse(result.doc);
    expect(doc.sections.length).toBeGreaterThan(0);
    expect(doc.sections.map((s) => s.text).join('').trim().length).toBeGreaterThan(0);
  });
});
