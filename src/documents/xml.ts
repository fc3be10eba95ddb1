import { SaxesParser } from 'saxes';
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

/** Stream an XML string to handlers, refusing DTDs; malformed XML becomes `corrupt_file`. */
export function walkXml(xml: string, file: string, part: string, handlers: XmlHandlers): void {
  assertNoDoctype(xml, file, part);
  const parser = new SaxesParser({ xmlns: false, position: false });
  const { open, close, text } = handlers;
  if (open) {
    parser.on('opentag', (tag) => {
      open(localName(tag.name), tag.attributes as Record<string, string>);
    });
  }
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new GradesheetError('corrupt_file', `${file} is damaged: ${part} is not well-formed XML. Save it again from your editor and upload the new copy.`, { file, cause: e });
  }
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
