import { describe, expect, it } from 'vitest';
import { GradesheetError } from '../errors.js';
import { walkXml } from './xml.js';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

function events(xml: string): Event[] {
  const out: Event[] = [];
  walkXml(xml, 'f.docx', 'word/document.xml', {
    open: (name, a) => out.push(['open', name, a]),
    close: (name) => out.push(['close', name]),
    text: (t) => out.push(['text', t]),
  });
  return out;
}

function refusal(xml: string): GradesheetError {
  try {
    events(xml);
  } catch (e) {
    if (e instanceof GradesheetError) return e;
    throw e;
  }
  throw new Error('accepted');
}

describe('walkXml', () => {
  it('reports local names, attributes with their prefixes, text and self-closing tags in order', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document xmlns:w="urn:w"><w:p w:rsid='00A1'><w:r><w:t xml:space="preserve"> Hi </w:t></w:r><w:br/></w:p></w:document>`;
    expect(events(xml)).toEqual([
      ['open', 'document', { 'xmlns:w': 'urn:w' }],
      ['open', 'p', { 'w:rsid': '00A1' }],
      ['open', 'r', {}],
      ['open', 't', { 'xml:space': 'preserve' }],
      ['text', ' Hi '],
      ['close', 't'],
      ['close', 'r'],
      ['open', 'br', {}],
      ['close', 'br'],
      ['close', 'p'],
      ['close', 'document'],
    ]);
  });

  it('decodes the predefined entities and character references in text and attribute values', () => {
    const got = events(`<a v="&lt;b&gt; &amp; &quot;q&quot; &apos;" w="x > y">R&amp;D &#8364;5 &#x2192; &lt;3</a>`);
    expect(got[0]).toEqual(['open', 'a', { v: `<b> & "q" '`, w: 'x > y' }]);
    expect(got[1]).toEqual(['text', 'R&D €5 → <3']);
  });

  it('passes CDATA through as text, skips comments and processing instructions, normalises line ends', () => {
    const got = events(`<a><!-- <b>not a tag</b> --><?pi x?><![CDATA[1 < 2 & <c>]]>x\r\ny</a>`);
    expect(got.filter((e) => e[0] === 'text').map((e) => e[1])).toEqual(['1 < 2 & <c>', 'x\ny']);
    expect(got.filter((e) => e[0] === 'open')).toHaveLength(1);
  });

  it('normalises whitespace in attribute values the way XML does', () => {
    expect(events(`<a v="one\ttwo\r\nthree"/>`)[0]).toEqual(['open', 'a', { v: 'one two three' }]);
  });

  it.each([
    ['an unclosed element', '<a><b></b>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an end tag with no start', '</a>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>R & D</a>'],
    ['an unquoted attribute', '<a v=1/>'],
    ['an unclosed attribute value', '<a v="1/>'],
    ['a duplicate attribute', '<a v="1" v="2"/>'],
    ['a "<" in an attribute value', '<a v="<"/>'],
    ['text outside the root', 'hello<a/>'],
    ['a second root', '<a/><b/>'],
    ['no root at all', '<?xml version="1.0"?>'],
    ['an unclosed comment', '<a><!-- </a>'],
    ['a truncated tag', '<a><b attr="1"'],
    ['a character reference to NUL', '<a>&#0;</a>'],
  ])('refuses %s as corrupt_file', (_what, xml) => {
    const e = refusal(xml);
    expect(e.code).toBe('corrupt_file');
    expect(e.message).toContain('f.docx is damaged: word/document.xml is not well-formed XML');
  });

  it('refuses a document type or entity declaration before reading anything', () => {
    const e = refusal('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>');
    expect(e.code).toBe('xml_entity_declaration');
  });

  it('reads a large part in one pass without recursion', () => {
    const depth = 20_000;
    const xml = '<r>' + '<p>'.repeat(depth) + 'deep' + '</p>'.repeat(depth) + '</r>';
    let opens = 0;
    walkXml(xml, 'f.docx', 'p', { open: () => void opens++ });
    expect(opens).toBe(depth + 1);
  });
});
