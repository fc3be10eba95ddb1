import pptxgen from 'pptxgenjs';

// pptxgenjs ships CommonJS typings: under NodeNext the class is `.default` to the type checker,
// while Node's ESM loader hands over the class itself.
const PptxGenJS = (pptxgen as unknown as { default?: typeof pptxgen.default }).default ?? (pptxgen as unknown as typeof pptxgen.default);

/** A 50-slide deck with a cost table and speaker notes on every slide, for the parsing benchmark. */
export async function generateDeck(slides = 50): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  for (let i = 1; i <= slides; i++) {
    const slide = pptx.addSlide();
    slide.addText(`Month ${i}: cost review`, { x: 0.5, y: 0.3, w: 9, h: 0.8, fontSize: 28, bold: true });
    slide.addText(`Inference volume grows to ${i * 10}k queries per day; caching and routing hold unit cost near $0.00${i % 9 + 1} per query.`, { x: 0.5, y: 1.1, w: 9, h: 0.8, fontSize: 14 });
    const rows = [['Line', 'One-off', 'Monthly', 'Year 1']];
    for (let r = 1; r <= 8; r++) rows.push([`Cost line ${r}`, `$${r * 1000}`, `$${r * 250 + i}`, `$${r * 1000 + 12 * (r * 250 + i)}`]);
    slide.addTable(rows.map((row) => row.map((text) => ({ text }))), { x: 0.5, y: 2, w: 9, fontSize: 11 });
    slide.addNotes(`Speaker notes for slide ${i}: assumptions are ${i * 1000} monthly active users, 1,200 tokens per query, and a 30% cache hit rate.`);
  }
  const out = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
  return out;
}
