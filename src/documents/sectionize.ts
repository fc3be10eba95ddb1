import type { Nodes, Root, RootContent } from 'mdast';
import type { Section } from './model.js';

export type RawSection = Omit<Section, 'deliverable'>;

/** Collapse whitespace inside each line (NBSP and tabs included), trim lines, drop empty lines. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(p|div|tr|li|h\d|br)\s*>|<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, e: string) =>
      e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
    )
    .replace(/( \| )+\n/g, '\n');
}

/** The plain text of inline content: breaks become newlines, markup disappears. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return stripHtml(node.value);
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
}

/** The plain text of a block. Tables become one line per row, cells joined by " | ". */
export function blockText(node: Nodes): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return normalizeText(inlineText(node));
    case 'code':
      return normalizeText(node.value);
    case 'html':
      return normalizeText(stripHtml(node.value));
    case 'table':
      return node.children.map((row) => row.children.map((cell) => normalizeText(inlineText(cell)).replace(/\n/g, ' ')).join(' | ')).join('\n');
    case 'list':
      return node.children.map(blockText).filter(Boolean).join('\n');
    case 'listItem':
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children.map(blockText).filter(Boolean).join('\n');
    case 'thematicBreak':
    case 'definition':
    case 'yaml':
      return '';
    default:
      return 'children' in node ? normalizeText((node.children as Nodes[]).map(inlineText).join('')) : '';
  }
}

function locationOf(node: RootContent, fallback: string): string {
  if (node.data?.location) return node.data.location;
  if (node.position) return `line ${node.position.start.line}`;
  return fallback;
}

/**
 * Turn a reader's mdast into sections: a section is a run of blocks under one heading path
 * that share a location. Markdown and text blocks each have their own line, so each is its
 * own section (a list item too); a slide or a page gathers the blocks it holds.
 */
export function sectionize(tree: Root): RawSection[] {
  const sections: RawSection[] = [];
  const stack: { depth: number; text: string }[] = [];
  let lastLocation = 'line 1';
  const push = (path: string[], location: string, text: string) => {
    if (!text) return;
    const prev = sections.at(-1);
    if (prev && prev.location === location && samePath(prev.path, path)) prev.text += '\n' + text;
    else sections.push({ path, location, text });
  };
  // A heading with nothing under it (a title-only slide, "## Q3: GA in August") is content itself.
  let pendingHeading: { path: string[]; location: string; text: string; depth: number } | undefined;
  const flushHeading = (nextDepth: number) => {
    if (pendingHeading && nextDepth <= pendingHeading.depth) push(pendingHeading.path, pendingHeading.location, pendingHeading.text);
    pendingHeading = undefined;
  };
  for (const node of tree.children) {
    const location = locationOf(node, lastLocation);
    lastLocation = location;
    // A paragraph that is one short bold line ("**Q5. Who decides?**") is how many people write a
    // heading: it heads what follows, below any real heading (depth 7).
    const boldHeading = isBoldLine(node);
    if (node.type === 'heading' || boldHeading) {
      const text = blockText(node).replace(/\n/g, ' ');
      if (!text) continue;
      const depth = node.type === 'heading' ? node.depth : 7;
      flushHeading(depth);
      while (stack.length && stack.at(-1)!.depth >= depth) stack.pop();
      stack.push({ depth, text });
      pendingHeading = node.type === 'heading' && node.data?.synthetic ? undefined : { path: stack.map((h) => h.text), location, text, depth };
      continue;
    }
    const path = stack.map((h) => h.text);
    if (node.type === 'list' && !node.data?.location) {
      for (const item of node.children) {
        const text = blockText(item);
        if (text) pendingHeading = undefined;
        push(path, item.position ? `line ${item.position.start.line}` : location, text);
      }
    } else {
      const text = blockText(node);
      if (text) pendingHeading = undefined;
      push(path, location, text);
    }
  }
  flushHeading(0);
  return sections;
}

/** One short line of bold text and nothing else, not ending like a sentence. */
function isBoldLine(node: Nodes): boolean {
  if (node.type !== 'paragraph') return false;
  const kids = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  if (kids.length !== 1 || kids[0]!.type !== 'strong') return false;
  const text = inlineText(kids[0]!).trim();
  return text.length > 0 && text.length <= 100 && !text.includes('\n') && !/[.,;]$/.test(text);
}

function samePath(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
