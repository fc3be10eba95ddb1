// One benchmark child: parses the given files with one parser and reports times and peak RSS.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDocument } from '../src/documents/parse.js';

const [parser, listPath, repeatArg] = process.argv.slice(2);
const files = JSON.parse(readFileSync(listPath!, 'utf8')) as string[];
const repeat = Number(repeatArg ?? 5);

async function parseOnce(name: string, bytes: Uint8Array): Promise<boolean> {
  if (parser === 'gradesheet') {
    try {
      await parseDocument({ name, bytes });
      return true;
    } catch {
      return false;
    }
  }
  const { parseOffice } = await import('officeparser');
  try {
    const ast = await parseOffice(Buffer.from(bytes), { outputErrorToConsole: false, ocr: false } as never);
    (ast as { toText(): string }).toText();
    return true;
  } catch {
    return false;
  }
}

const results: { file: string; bytes: number; ms: number[]; ok: boolean }[] = [];
for (const path of files) {
  const bytes = new Uint8Array(readFileSync(path));
  const name = basename(path);
  const ms: number[] = [];
  let ok = true;
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    ok = await parseOnce(name, bytes);
    ms.push(performance.now() - t0);
  }
  results.push({ file: path, bytes: bytes.length, ms, ok });
}
process.stdout.write(JSON.stringify({ results, maxRssKb: process.resourceUsage().maxRSS }));
