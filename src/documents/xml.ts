import { GradesheetError } from '../errors.js';

export interface XmlHandlers {
  /** An element opens; `name` is its local name (no prefix), attribute names keep their prefix. */
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Refuse DTDs outright: OOXML never needs them, and entity declarations are how
 * "billion laughs" and external-entity attacks start.
 */
export function assertNoDoctype(xml: string, file: string, part: string): void {
  if (xml.includes('<!DOCTYPE') || xml.includes('<!ENTITY')) {
    throw new GradesheetError(
      'xml_entity_declaration',
      `${file} contains an XML document type or entity declaration in ${part}, which Office never writes and which can be used to attack a reader. Save the file again from your editor and upload the new copy.`,
      { file },
    );
  }
}

class MalformedXml extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replace the five predefined entities and character references; anything else is malformed. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&<]*);|&/g, (whole, body: string | undefined) => {
    if (body === undefined) throw new MalformedXml('bare "&"');
    const named = ENTITIES[body];
    if (named !== undefined) return named;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(body);
    if (!m) throw new MalformedXml(`undefined entity &${body};`);
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new MalformedXml(`invalid character reference ${whole}`);
    return String.fromCodePoint(code);
  });
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
const NAME_END = /[\s/>=]/g;

/**
 * Stream an XML string to handlers, refusing DTDs; malformed XML becomes `corrupt_file`.
 *
 * A small scanner written for OOXML parts (they are machine-written, UTF-16 strings by now, and
 * never carry a DTD): tags, attributes in single or double quotes, the predefined entities and
 * character references, comments, processing instructions and CDATA. It checks what a reader
 * relies on — every tag closes in order, one root, no stray text or undefined entity — and is
 * several times faster than a general-purpose SAX parser, which was most of the DOCX and PPTX
 * reading time.
 */
export function walkXml(xml: string, file: string, part: string, handlers: XmlHandlers): void {
  assertNoDoctype(xml, file, part);
  try {
    scan(xml, handlers);
  } catch (e) {
    if (!(e instanceof MalformedXml)) throw e;
    throw new GradesheetError('corrupt_file', `${file} is damaged: ${part} is not well-formed XML (${e.message}). Save it again from your editor and upload the new copy.`, { file, cause: e });
  }
}

function scan(xml: string, { open, close, text }: XmlHandlers): void {
  const stack: string[] = [];
  let seenRoot = false;
  let i = 0;
  const n = xml.length;
  const emitText = (raw: string) => {
    if (stack.length === 0) {
      if (raw.trim() !== '' && raw !== '\uFEFF') throw new MalformedXml('text outside the root element');
      return;
    }
    if (text) text(decodeEntities(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw));
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      emitText(xml.slice(i));
      break;
    }
    if (lt > i) emitText(xml.slice(i, lt));
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw new MalformedXml('unclosed processing instruction');
      i = end + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw new MalformedXml('unclosed comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw new MalformedXml('unclosed CDATA section');
        if (stack.length === 0) throw new MalformedXml('CDATA outside the root element');
        text?.(xml.slice(lt + 9, end));
        i = end + 3;
      } else throw new MalformedXml('unexpected "<!"');
      continue;
    }
    if (c === 47 /* / */) {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) throw new MalformedXml('unclosed end tag');
      const name = xml.slice(lt + 2, end).trimEnd();
      const expected = stack.pop();
      if (expected !== name) throw new MalformedXml(expected === undefined ? `end tag </${name}> without a start tag` : `</${name}> closes <${expected}>`);
      close?.(localName(name));
      i = end + 1;
      continue;
    }
    // A start tag: the name, then attributes up to ">" or "/>" (quoted values may hold ">").
    NAME_END.lastIndex = lt + 1;
    const m = NAME_END.exec(xml);
    if (!m || m.index === lt + 1) throw new MalformedXml('a tag without a name');
    const name = xml.slice(lt + 1, m.index);
    if (stack.length === 0 && seenRoot) throw new MalformedXml('a second root element');
    const attributes: Record<string, string> = {};
    let j = m.index;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new MalformedXml(`unclosed tag <${name}>`);
      const ch = xml.charCodeAt(j);
      if (ch === 62 /* > */) {
        j++;
        break;
      }
      if (ch === 47 /* / */) {
        if (xml.charCodeAt(j + 1) !== 62) throw new MalformedXml(`stray "/" in <${name}>`);
        selfClosing = true;
        j += 2;
        break;
      }
      const eq = xml.indexOf('=', j);
      if (eq < 0) throw new MalformedXml(`attribute without a value in <${name}>`);
      const attrName = xml.slice(j, eq).trimEnd();
      if (attrName === '' || /[\s<>"'/]/.test(attrName)) throw new MalformedXml(`bad attribute in <${name}>`);
      let q = eq + 1;
      while (q < n && isSpace(xml.charCodeAt(q))) q++;
      const quote = xml[q];
      if (quote !== '"' && quote !== "'") throw new MalformedXml(`unquoted attribute value in <${name}>`);
      const close = xml.indexOf(quote, q + 1);
      if (close < 0) throw new MalformedXml(`unclosed attribute value in <${name}>`);
      const raw = xml.slice(q + 1, close);
      if (raw.includes('<')) throw new MalformedXml(`"<" in an attribute value of <${name}>`);
      if (attrName in attributes) throw new MalformedXml(`duplicate attribute ${attrName} in <${name}>`);
      attributes[attrName] = decodeEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw);
      j = close + 1;
      const after = xml.charCodeAt(j);
      if (!isSpace(after) && after !== 62 && after !== 47) throw new MalformedXml(`no space between attributes in <${name}>`);
    }
    seenRoot = true;
    open?.(localName(name), attributes);
    if (selfClosing) close?.(localName(name));
    else stack.push(name);
    i = j;
  }
  if (stack.length > 0) throw new MalformedXml(`<${stack[stack.length - 1]}> is never closed`);
  if (!seenRoot) throw new MalformedXml('no root element');
}

export function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Attribute lookup by local name, so `r:id` and a Strict-namespace prefix both match `id`. */
export function attr(attributes: Record<string, string>, local: string): string | undefined {
  if (local in attributes) return attributes[local];
  for (const key in attributes) if (localName(key) === local) return attributes[key];
  return undefined;
}

/** Parse an OPC relationships part into id → { target, external }. */
export function readRelationships(xml: string | undefined, file: string, part: string): Map<string, { target: string; type: string; external: boolean }> {
  const rels = new Map<string, { target: string; type: string; external: boolean }>();
  if (!xml) return rels;
  walkXml(xml, file, part, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const id = a.Id;
      const target = a.Target;
      if (id && target) rels.set(id, { target, type: a.Type ?? '', external: a.TargetMode === 'External' });
    },
  });
  return rels;
}

/** Resolve a relationship target relative to the part that holds it (`ppt/slides/slide1.xml` + `../notesSlides/x.xml`). */
export function resolvePartPath(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}
