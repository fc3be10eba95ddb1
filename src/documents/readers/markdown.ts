import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { decodeText } from '../decode.js';
import type { Reader } from '../ir.js';

const processor = unified().use(remarkParse).use(remarkGfm).freeze();

/** Blank a leading YAML front matter block, keeping line numbers (remark would read it as a setext heading). */
export function blankFrontMatter(text: string): string {
  if (!/^---\r?\n/.test(text)) return text;
  const end = text.search(/\r?\n---\s*(\r?\n|$)/);
  if (end < 0) return text;
  const close = text.indexOf('---', end + 1) + 3;
  return text.slice(0, close).replace(/[^\n]/g, '') + text.slice(close);
}

/** Markdown through unified + remark-parse + remark-gfm; blocks keep their source lines. */
export const readMarkdown: Reader = async (bytes) => {
  const { text, encoding } = decodeText(bytes);
  const tree = processor.parse(blankFrontMatter(text));
  return { tree, stats: { encoding } };
};
