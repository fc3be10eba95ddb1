import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { GradesheetError } from '../errors.js';
import { describeDocument, parseDocument } from './parse.js';

const enc = (s: string) => new TextEncoder().encode(s);

async function refusal(name: string, bytes: Uint8Array, limits = {}): Promise<GradesheetError> {
  try {
    await parseDocument({ name, bytes }, { limits });
  } catch (e) {
    expect(e).toBeInstanceOf(GradesheetError);
    return e as GradesheetError;
  }
  throw new Error(`${name} was accepted`);
}

describe('sniffing the format from the bytes', () => {
  it('refuses a PNG named .pptx, an old .doc and RTF, naming the file', async () => {
    const png = await refusal('Year1 cost.pptx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    expect(png.code).toBe('unsupported_format');
    expect(png.message).toContain('Year1 cost.pptx');
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await refusal('old.doc', ole)).message).toMatch(/old binary Office file/);
    expect((await refusal('x.rtf', enc('{\\rtf1\\ansi hello}'))).code).toBe('unsupported_format');
  });

  it('reads a Markdown file whatever its name, and plain text as text', async () => {
    expect((await parseDocument({ name: 'notes', bytes: enc('# Title\n\n- a point\n') })).format).toBe('markdown');
    expect((await parseDocument({ name: 'notes.txt', bytes: enc('Just a line of text.\n') })).format).toBe('text');
  });

  it('refuses empty and oversized files', async () => {
    expect((await refusal('a.md', new Uint8Array(0))).code).toBe('empty_document');
    expect((await refusal('a.md', enc('x'.repeat(2000)), { maxFileBytes: 1000 })).code).toBe('file_too_large');
  });

  it('refuses a spreadsheet and a bare zip', async () => {
    expect((await refusal('costs.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }))).message).toMatch(/spreadsheet/);
    expect((await refusal('files.zip', zipSync({ 'a.txt': strToU8('hello') }))).code).toBe('unsupported_format');
  });
});

describe('hostile OOXML', () => {
  const docxWith = (documentXml: string) =>
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
      'word/document.xml': strToU8(documentXml),
    });

  it('refuses an entity declaration (billion laughs) before expanding anything', async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>`;
    const e = await refusal('policy.docx', docxWith(lol));
    expect(e.code).toBe('xml_entity_declaration');
    expect(e.message).toContain('policy.docx');
  });

  it('counts inflated bytes while inflating, whatever the zip headers declare', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': zeros }, { level: 9 });
    // Make every declared uncompressed size claim 100 bytes.
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 100, true);
      if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 100, true);
    }
    const e = await refusal('bomb.docx', zip, { maxPartBytes: 1024 * 1024 });
    expect(e.code).toBe('zip_bomb');
  });

  it('refuses too many zip entries before reading any', async () => {
    const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8('<Types/>') };
    for (let i = 0; i < 60; i++) files[`word/junk${i}.xml`] = strToU8('<x/>');
    expect((await refusal('many.docx', zipSync(files), { maxZipEntries: 50 })).code).toBe('too_many_entries');
  });

  it('turns a truncated archive into corrupt_file', async () => {
    const zip = docxWith('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>');
    expect((await refusal('cut.docx', zip.subarray(0, zip.length - 30))).code).toBe('corrupt_file');
  });
});

describe('Markdown and text', () => {
  it('keeps heading paths and source lines; tables keep their cells row by row', async () => {
    const d = await parseDocument({ name: 'cost.md', bytes: enc('---\ntitle: x\n---\n# Cost\n\n## Year 1\n\n| Line | Cost |\n|---|---|\n| Inference | $10k |\n\n- caching saves 20%\n- batching\n') });
    expect(d.sections).toEqual([
      { path: ['Cost', 'Year 1'], location: 'line 8', text: 'Line | Cost\nInference | $10k', deliverable: 'cost' },
      { path: ['Cost', 'Year 1'], location: 'line 12', text: 'caching saves 20%', deliverable: 'cost' },
      { path: ['Cost', 'Year 1'], location: 'line 13', text: 'batching', deliverable: 'cost' },
    ]);
    expect(describeDocument(d)).toBe('cost.md: 3 sections, a table of 2 rows read');
  });

  it('decodes Latin-1 text', async () => {
    const latin1 = new Uint8Array([0x23, 0x20, 0x50, 0x6f, 0x6c, 0x69, 0x74, 0x69, 0x6b, 0x0a, 0x0a, 0x4b, 0xfc, 0x6e, 0x73, 0x74, 0x6c, 0x69, 0x63, 0x68, 0x65, 0x0a]);
    const d = await parseDocument({ name: 'policy.md', bytes: latin1 });
    expect(d.sections[0]!.text).toBe('Künstliche');
    expect(d.stats?.encoding).toBe('windows-1252');
  });

  it('finds headings and bullets in plain text', async () => {
    const d = await parseDocument({ name: 'plan.txt', bytes: enc('ROADMAP\n\nQ1 (Jan-Mar):\n- Pilot with 20 agents\n- Measure handle time\n\nWe then launch\nto everyone in Q2.\n') });
    expect(d.sections).toEqual([
      { path: ['ROADMAP', 'Q1 (Jan-Mar):'], location: 'line 4', text: 'Pilot with 20 agents', deliverable: 'roadmap' },
      { path: ['ROADMAP', 'Q1 (Jan-Mar):'], location: 'line 5', text: 'Measure handle time', deliverable: 'roadmap' },
      { path: ['ROADMAP', 'Q1 (Jan-Mar):'], location: 'line 7', text: 'We then launch to everyone in Q2.', deliverable: 'roadmap' },
    ]);
  });

  it('reads a title boxed between rule lines as a heading, and drops lone rules', async () => {
    const text = 'Dear hiring team,\n\n----------------\nRoadmap\n----------------\n\nStep 1: trial at 5 sites from April.\n\n----------------\nResponsible AI policy\n----------------\n\nThe safety officer decides; AI is only support.\n\n----------------\n';
    const d = await parseDocument({ name: 'email.txt', bytes: enc(text) });
    expect(d.sections.find((s) => s.text.startsWith('Step 1'))!.path).toEqual(['Roadmap']);
    expect(d.sections.find((s) => s.text.startsWith('The safety officer'))).toMatchObject({ path: ['Responsible AI policy'], deliverable: 'policy' });
    expect(d.sections.some((s) => /^-+$/.test(s.text))).toBe(false);
  });
});

describe('plain text lists written without bullets', () => {
  it('keeps each line of a plan written one month per line ("M1 kick-off …", "M2 labelling …") apart, after a label line', async () => {
    const text = `Plan\n\nMonth by month\nM1  kick-off, camera inventory in all stations\nM2  labelling 5.000 images, student helpers\nM3 first model, offline test\nM10 forecast for tomorrow morning\n`;
    const d = await parseDocument({ name: 'plan.txt', bytes: enc(text) });
    const texts = d.sections.map((s) => s.text);
    expect(texts).toContain('M1 kick-off, camera inventory in all stations');
    expect(texts).toContain('M3 first model, offline test');
    expect(texts).toContain('M10 forecast for tomorrow morning');
    // A single line that opens with "Q3" in prose stays part of its paragraph.
    const prose = await parseDocument({ name: 'note.txt', bytes: enc(`Note\n\nRevenue grew in\nQ3 because of the new shop.\n`) });
    expect(prose.sections.map((s) => s.text)).toContain('Revenue grew in Q3 because of the new shop.');
  });

  it('keeps cost lines apart whose amounts carry a unit after them ("Cloud API: approx 12,000 / month")', async () => {
    const text = `COSTS (KSh)\n\nCloud API: approx 12,000 / month\nSMS gateway: about 5,000 per month\nYear 1 total: 204,000\n`;
    const d = await parseDocument({ name: 'costs.txt', bytes: enc(text) });
    const texts = d.sections.map((s) => s.text);
    expect(texts).toContain('Cloud API: approx 12,000 / month');
    expect(texts).toContain('SMS gateway: about 5,000 per month');
  });

  it('starts a new paragraph at a line that opens with its own label after a finished sentence', async () => {
    const text = `Plan\n\naug-sep 2026: install the scanners. collect samples.\noct-nov 2026: shadow run at one site.\nowner: me.\n`;
    const d = await parseDocument({ name: 'plan.txt', bytes: enc(text) });
    const texts = d.sections.map((s) => s.text);
    expect(texts).toContain('aug-sep 2026: install the scanners. collect samples.');
    expect(texts).toContain('oct-nov 2026: shadow run at one site.');
    expect(texts).toContain('owner: me.');
  });

  it('keeps each "label: amount" line of a cost list apart', async () => {
    const text = `COST YEAR 1\n\nInference (about 700 calls a month, both models): kr 6 000\nWeather data API: kr 24 000\nTotal year 1: kr 30 000\n`;
    const d = await parseDocument({ name: 'cost.txt', bytes: enc(text) });
    expect(d.sections.map((s) => s.text)).toEqual(['Inference (about 700 calls a month, both models): kr 6 000', 'Weather data API: kr 24 000', 'Total year 1: kr 30 000']);
  });

  it('keeps an indented label line with the line above it, and an answer with its question', async () => {
    const text = `Roadmap\n\nQ1  Data access and labels.\n    Milestone: model ready for back-test.\n\nQ: Who decides?\nA: The plant manager.\n`;
    const d = await parseDocument({ name: 'plan.txt', bytes: enc(text) });
    const texts = d.sections.map((s) => s.text);
    expect(texts.some((t) => t.includes('Q1 Data access and labels. Milestone: model ready for back-test.'))).toBe(true);
    expect(texts.some((t) => t.includes('Q: Who decides? A: The plant manager.'))).toBe(true);
  });
});

describe('plain text laid out in columns', () => {
  it('reads a section titled "How I would do it over the year" in an email as the roadmap', async () => {
    const d = await parseDocument({ name: 'email.txt', bytes: enc('Dear panel,\n\nThank you for the exercise. I chose linen forecasting for nine hospitals.\n\nHow I would do it over the year\n\nFirst we connect the occupancy data for one hospital. Then the forecast sets the delivery. Later we take all hospitals.\n\nResponsible AI\n\nThe ward secretary decides the final order.\n') });
    expect(d.sections.find((s) => s.text.startsWith('First we connect'))!.deliverable).toBe('roadmap');
  });

  it('takes a short lower-case label over a list ("context", "responsible AI") for a heading, so one file holds its three parts', async () => {
    const d = await parseDocument({ name: 'takehome.txt', bytes: enc('OVERLAY - take-home\n\nroadmap\nNOW\n- pilot with a few crews\n\nresponsible AI\n- the overlay is a suggestion; locators decide.\n\ncost\n- vision model API: pay per page\n\nHi team,\nthanks for reading.\n') });
    expect(d.sections.find((s) => s.text.startsWith('pilot'))!.path).toEqual(['OVERLAY - take-home', 'roadmap']);
    expect(d.sections.find((s) => s.text.startsWith('the overlay'))!.deliverable).toBe('policy');
    expect(d.sections.find((s) => s.text.startsWith('vision model'))!.deliverable).toBe('cost');
    expect(d.sections.find((s) => s.text.startsWith('Hi team'))!.path).toEqual(['OVERLAY - take-home', 'cost']);
  });

  it('takes a title shouted in full with a parenthetical ("COSTS (year one, roughly)") for a heading, not "KPIs (baseline …)"', async () => {
    const d = await parseDocument({ name: 'email.txt', bytes: enc('RESPONSIBLE AI\nThe arranger sends everything.\n\nCOSTS (year one, roughly)\n- Development: EUR 55,000 one-off\n\nKPIs (baseline Mar 2025 -> target)\n- Tickets: 13 -> 8 by December\n') });
    expect(d.sections.find((s) => s.text.startsWith('Development'))!.path).toEqual(['COSTS (year one, roughly)']);
    expect(d.sections.find((s) => s.text.startsWith('Tickets'))!.path).toEqual(['COSTS (year one, roughly)']);
  });

  it('does not take a shouted cost line ("TOTAL YEAR 1 kr 555 040") for a heading', async () => {
    const d = await parseDocument({ name: 'plan.txt', bytes: new TextEncoder().encode('COST YEAR 1\n\nSum one-off   kr 340 000\n\nTOTAL YEAR 1   kr 555 040\n\nChoices:\n- Small model, not large.\n') });
    // The choices stay under the cost heading, not under the total line.
    expect(d.sections.find((s) => s.text.startsWith('Small model'))!.path).toEqual(['COST YEAR 1', 'Choices:']);
  });

  const text = [
    'Year 1 cost (EUR)',
    '',
    'One-off',
    '  Test set: 2,000 Q&As checked ......... 14.0k',
    '  Voice pipeline (contractors) ......... 38.0k',
    '  One-off total ........................ 52.0k',
    '',
    'Ongoing                 per month     Year 1',
    '  LLM + speech-to-text   0.7k          3.1k',
    '  Staff: product lead, engineer,',
    '     half an agronomist   11.0k         132.0k',
    '',
    'Year 1 total: EUR 187.1k (52.0k one-off + 135.1k ongoing)',
    '',
    'Cost levers follow.',
  ].join('\n');

  it('keeps dot-leader and space-aligned lines as table rows, a wrapped first cell joined to its row', async () => {
    const d = await parseDocument({ name: 'costs.txt', bytes: new TextEncoder().encode(text) });
    const all = d.sections.map((s) => s.text).join('\n');
    expect(all).toContain('Test set: 2,000 Q&As checked | 14.0k');
    expect(all).toContain('Ongoing | per month | Year 1');
    expect(all).toContain('LLM + speech-to-text | 0.7k | 3.1k');
    expect(all).toContain('Staff: product lead, engineer, half an agronomist | 11.0k | 132.0k');
    expect(d.stats?.tables).toBe(2);
  });

  it('does not take a line that states an amount for a title', async () => {
    const d = await parseDocument({ name: 'costs.txt', bytes: new TextEncoder().encode(text) });
    expect(d.sections.some((s) => s.path.some((p) => p.startsWith('Year 1 total')))).toBe(false);
    expect(d.sections.some((s) => s.text.includes('Year 1 total: EUR 187.1k'))).toBe(true);
  });

  it('leaves ordinary prose with a single wide gap as a paragraph', async () => {
    const d = await parseDocument({ name: 'notes.txt', bytes: new TextEncoder().encode('Notes\n\nWe launch in March.   Then we expand\nto two more regions in June.\n') });
    expect(d.stats?.tables ?? 0).toBe(0);
  });
});

describe('classifying deliverables', () => {
  it('reads a "Risks" section that names no deliverable as the roadmap\'s, though its mitigations read like policy', async () => {
    const text = `# Take-home\n\n## 12-month roadmap\n\nQ1: pilot in two stores. Q2: all stores. Q3: delivery slots. Q4: review.\n\n## Risks\n\nWrong allergen answer. Allergen answers always come from the supplier sheet, never from the model.\nPrivacy complaint. Counsel reviews the privacy notice and the monitoring before launch; incidents go to the DPO and the assistant can be rolled back.\n\n## Responsible AI policy\n\nThe store manager decides go-live. Incidents are reported within a day; the assistant is switched off if errors pass 2%.\n\n## Year-1 cost\n\nModel usage $6,000; hosting $3,000; total $9,000.\n`;
    const d = await parseDocument({ name: 'takehome.md', bytes: enc(text) });
    expect(d.sections.find((s) => s.path.at(-1) === 'Risks')!.deliverable).toBe('roadmap');
  });

  it('reads "Programme (12 months)" and "What success would look like" as the roadmap, after a subject line that names every deliverable', async () => {
    const text = `# Memo: route planning help\n\nSubject: 12-month programme, responsible use policy and Year-1 costs (costs in the attached sheet).\n\n## 1. Why\n\nThe depot plans 40 routes a night by hand.\n\n## 2. What success would look like\n\nLate deliveries: from 9% to under 4% by March.\n\n## 3. Programme (12 months)\n\nStage 1: connect the depot system. Stage 2: shadow planning. Stage 3: live on all routes.\n\n## 4. Policy on responsible use\n\nThe shift lead decides every route; the tool only proposes.\n`;
    const d = await parseDocument({ name: 'memo.md', bytes: enc(text) });
    const under = (h: string) => d.sections.find((s) => s.path.at(-1)?.includes(h))!.deliverable;
    expect(under('What success would look like')).toBe('roadmap');
    expect(under('Programme (12 months)')).toBe('roadmap');
    expect(under('Policy on responsible use')).toBe('policy');
  });

  it.each([
    // A short rules section in a roadmap memo: named, it makes the memo combined.
    ['3. How we use the AI (rules)', `# Memo: camera checks for the bottling line\n\n## 1. Goals\n\nRejected bottles from 4% to 2% by December. Line stops for label faults halved by the end of Q3.\n\n## 2. Steps\n\nPhase 1 – Cameras on line 1 (January to March). Phase 2 – Proposals shown to the shift lead (April to June). Phase 3 – Line 2 (July to December).\n\n## 3. How we use the AI (rules)\n\nThe project is my responsibility. The shift lead decides every reject. The tool can always be switched off.\n`],
    // A deck slide whose lines carry few policy words.
    ['Keeping the AI safe', `# Gift-list app\n\n## Plan for the year\n\nFirst: list import. Then: reminders. Later: shop partners.\n\n## Keeping the AI safe\n\nMy partner and I decide what ships. Suggestions stay drafts until the couple taps send. We read every complaint each morning.\n\n## Year-1 cost\n\nModel usage £4,000; hosting £2,000; total £6,000.\n`],
  ])('reads "%s" as the policy it names, so the file is combined', async (heading, text) => {
    const d = await parseDocument({ name: 'memo.md', bytes: enc(text) });
    expect(d.sections.find((s) => s.path.at(-1) === heading)!.deliverable).toBe('policy');
    expect(d.deliverable).toBe('combined');
  });

  it('reads a memo\'s "Ground rules" as its policy and "What I\'ll judge it on" as its roadmap', async () => {
    const text = `# MEMO\n\n## 1. The idea\n\nA photo quote assistant for our 40 kiosks.\n\n## 2. How the year runs\n\nFirst quarter (February to April): price book into the system. Second quarter (May to July): ten kiosks.\n\n## 3. What I'll judge it on\n\nQuotes turning into jobs: from 54% to 65% by December.\n\n## 4. Ground rules\n\nThe suggested price is only a suggestion; the person at the counter has the last word.\n\nThe tablet can always come off the counter.\n\n## 5. What it costs\n\nOne-off: build £65k. Running: hosting £300 a month.\n`;
    const d = await parseDocument({ name: 'memo.md', bytes: enc(text) });
    const under = (h: string) => d.sections.find((s) => s.path.at(-1)?.includes(h))!.deliverable;
    expect(under('Ground rules')).toBe('policy');
    expect(under("What I'll judge it on")).toBe('roadmap');
    expect(under('What it costs')).toBe('cost');
  });

  it('reads numbered questions ("Q4. Who decides?", "Q6. What if something goes wrong?") as the policy they ask about, not as quarters', async () => {
    const text = `# Take-home\n\n## Q1. What is the plan for 12 months?\n\nNow (January to March): kiosk in two halls. Next (April to June): all halls. Later (July to December): group bookings.\n\n## Q2. What are the milestones?\n\nMilestone 31 March: two halls live. Milestone 30 June: all twelve halls live. Milestone 15 December: group bookings open.\n\n## Q4. Who decides?\n\nThe operations director approves going live in each hall.\n\n## Q5. What are the rules before and after launch?\n\nBefore Gate 1 we test 300 real questions; 90% must be answered correctly.\n\n## Q6. What if something goes wrong?\n\nIf correct answers fall below 85% in a week, the operations director stops the kiosk the same day.\n`;
    const d = await parseDocument({ name: 'submission.md', bytes: enc(text) });
    const under = (q: string) => d.sections.find((s) => s.path.at(-1)?.startsWith(q))!.deliverable;
    expect(under('Q4.')).toBe('policy');
    expect(under('Q5.')).toBe('policy');
    expect(under('Q6.')).toBe('policy');
    expect(under('Q1.')).toBe('roadmap');
  });

  it('reads a file named in Portuguese, German or Spanish ("politica_IA_responsavel.txt", "Kosten_Jahr1.md") by its name when its text reads like another deliverable', async () => {
    const policy = `POLITICA DE IA RESPONSAVEL - assistente\n\n1. Who decides\nThe store manager has the final word on each value.\n\n2. Before each phase\nGate 1 (March): the suggested value is within 8% of the sale price on 5.000 past items.\nGate 2 (June): the 4 pilot stores accept the value in 70% of cases.\n`;
    expect((await parseDocument({ name: 'politica_IA_responsavel.txt', bytes: enc(policy) })).deliverable).toBe('policy');
    const cost = `Jahr 1\n\nPhase 1 (Januar bis März): Pilot in zwei Filialen.\nPhase 2 (April bis Juni): alle Filialen.\n\nModell: 4.000 EUR, Hosting: 2.400 EUR.\n`;
    expect((await parseDocument({ name: 'Kosten_Jahr1.md', bytes: enc(cost) })).deliverable).toBe('cost');
    expect((await parseDocument({ name: 'hoja_de_ruta.md', bytes: enc('Q1: piloto en dos tiendas.\n\nQ2: todas las tiendas.\n') })).deliverable).toBe('roadmap');
    // A word that only contains such a name ("scouts") names nothing.
    expect((await parseDocument({ name: 'scouts.md', bytes: enc('Q1: pilot with two troops. Milestone: 31 March.\n\nQ2: all troops. Milestone: 30 June.\n') })).deliverable).toBe('roadmap');
  });

  it('takes a numbered paragraph opening with a title that names a deliverable ("4. Responsible AI policy. A detailed …") for its own section', async () => {
    const text = `# Memorandum\n\n1. Background. The depot keeps 40 years of paper logs.\n2. Roadmap. The work is done in stages:\n\n- Stage I: scanning.\n- Stage II: reading with the model.\n\n3. Responsible AI policy. The depot manager approves each stage before it starts.\n4. Costs. Scanning is about 12,000 euro; the software is quoted later.\n`;
    const d = await parseDocument({ name: 'memo.md', bytes: enc(text) });
    expect(d.deliverable).toBe('combined');
    const at = (start: string) => d.sections.find((s) => s.text.startsWith(start))!;
    expect(at('Roadmap.').path.at(-1)).toBe('Roadmap');
    expect(at('Responsible AI policy.').deliverable).toBe('policy');
    expect(at('Costs.').deliverable).toBe('cost');
    // The text is kept as written, title and all.
    expect(at('Costs.').text).toBe('Costs. Scanning is about 12,000 euro; the software is quoted later.');
  });

  it('does not split at a sentence about a deliverable ("The roadmap is short.") or at a "Cost:" label line', async () => {
    const text = `# Roadmap\n\nThe roadmap is short. It has three phases.\n\n- Q1: pilot. Cost: 4,000 euro for the pilot.\n- Q2: all depots.\n`;
    const d = await parseDocument({ name: 'roadmap.md', bytes: enc(text) });
    expect(d.deliverable).toBe('roadmap');
    expect(d.sections.every((s) => s.path.length === 1)).toBe(true);
  });

  it('reads "Rules for the AI use" as the policy part of a concept paper', async () => {
    const text = `# Concept\n\n## 2. Roadmap 2026\n\n- Q1: camera portal on one track\n- Q2: model training\n\n## 3. Rules for the AI use\n\nThe inspector stays responsible for every release. If results get clearly worse, we switch off the markings.\n\n## 4. Costs year 1\n\n- Cloud inference: 3.100 € per month\n`;
    const d = await parseDocument({ name: 'concept.md', bytes: enc(text) });
    expect(d.sections.find((s) => s.text.startsWith('The inspector'))!.deliverable).toBe('policy');
  });

  it('reads "Plan for 2026, as quarterly objectives" in a memo as the roadmap part', async () => {
    const text = `# Memo: plan, policy and controls\n\n## 1. Plan for 2026, as quarterly objectives\n\nObjective Q1 (Jan–Mar): shadow run.\n\nObjective Q2 (Apr–Jun): live for the first desk.\n\n## 2. Responsible AI policy\n\nThe Head of Risk approves Gate 1. Rollback: the desk returns to manual review within a day.\n\nMonitoring: weekly sample of 50 cases.\n`;
    const d = await parseDocument({ name: 'memo.md', bytes: enc(text) });
    expect(d.sections.find((s) => s.text.startsWith('Objective Q1'))!.deliverable).toBe('roadmap');
  });

  it('reads a plain-text email heading "THE MONEY" as the cost part', async () => {
    const text = `Subject: Take-home (roadmap, policy, costs)\n\nDear panel,\n\nTHE PLAN FOR THE YEAR\n\nJanuary to March: pilot with two officers. April to June: web chat live. Milestone: go-live decision in June.\n\nTHE POLICY\n\nWho decides: the Head of Member Services approves go-live. Rollback: we pull the chat within an hour.\n\nTHE MONEY\n\n- Model usage: about £4,800 for the year\n- Build and integration: £38,000\n- Total for year one: £96,900\n`;
    const d = await parseDocument({ name: 'email.txt', bytes: enc(text) });
    expect(d.sections.filter((x) => x.deliverable === 'cost').map((x) => x.text)).toContain('Model usage: about £4,800 for the year');
  });

  it('splits one file holding all three deliverables', async () => {
    const text = `# Take-home\n\n## 12-month roadmap\n\n- Q1: pilot launch in March\n- Q2: beta in May\n- Q3: GA in August\n\n## Responsible AI policy\n\n- Rollback: the on-call lead reverts the model within an hour\n- Incident response: Sev-1 pages on-call\n- Monitoring: weekly review of hallucination rate\n\n## Year-1 cost model\n\n- Inference: $4,000 per month\n- Storage: $500 per month\n- Total: $54,000\n`;
    const d = await parseDocument({ name: 'submission.md', bytes: enc(text) });
    expect(d.deliverable).toBe('combined');
    const by = (k: string) => d.sections.filter((s) => s.deliverable === k).map((s) => s.text);
    expect(by('roadmap')).toContain('Q1: pilot launch in March');
    expect(by('policy')).toContain('Incident response: Sev-1 pages on-call');
    expect(by('cost')).toContain('Total: $54,000');
  });

  it('reads a lone bold line as a heading, and a title naming all three deliverables as a combined file', async () => {
    const text = `# TriageAssist – take-home (roadmap / policy / cost)\n\n**Q1. What do we ship when?**\n\nMonth 1–3: pilot in 2 clinics, milestone M3 go/no-go. Month 4–6: 10 clinics. Month 7–12: all 22 clinics.\n\n**Q5. Who decides, and how do we stop it?**\n\nThe medical director approves each gate. Rollback: the on-call nurse lead switches the assistant off within 15 minutes if a red-flag case is missed; incidents are reviewed within 24 hours.\n\n**Q8. What does it cost?**\n\nInference about ¥180,000 per month; hosting ¥40,000 per month; total Year 1 ¥4,400,000.\n\nThis is **not** a heading, only a word in bold.\n`;
    const d = await parseDocument({ name: 'takehome.md', bytes: enc(text) });
    expect(d.deliverable).toBe('combined');
    expect(d.sections.find((s) => s.text.startsWith('The medical director'))).toMatchObject({ path: ['TriageAssist – take-home (roadmap / policy / cost)', 'Q5. Who decides, and how do we stop it?'], deliverable: 'policy' });
    expect(d.sections.find((s) => s.text.startsWith('Inference'))!.deliverable).toBe('cost');
    expect(d.sections.some((s) => s.text === 'This is not a heading, only a word in bold.')).toBe(true);
  });

  it('reads question headings about who decides and what happens on a problem as policy in a combined Q&A file', async () => {
    const text = `# Land records – Plan, Policy and Cost (Question & Answer format)\n\n## Q3. What is the plan for 12 months?\n\nFirst step: trial on 5 villages. Next step: index all records after 1970.\n\n## Q6. Who will take decisions about the AI system?\n\nThe Record Room In-charge will take all decisions.\n\n## Q8. What will happen if there is any problem?\n\nThe clerk informs the record room and the entry is corrected.\n\n## Q10. What is the cost for Year 1?\n\nTotal Year 1: ₹8,52,000.\n`;
    const d = await parseDocument({ name: 'proposal.md', bytes: enc(text) });
    const of = (start: string) => d.sections.find((s) => s.text.startsWith(start))!.deliverable;
    expect([of('First step'), of('The Record Room'), of('The clerk'), of('Total Year 1')]).toEqual(['roadmap', 'policy', 'policy', 'cost']);
  });

  it('uses the name when the content is thin, and says unknown when nothing tells', async () => {
    expect((await parseDocument({ name: 'RAI policy.md', bytes: enc('Some words about our approach.\n') })).deliverable).toBe('policy');
    expect((await parseDocument({ name: 'doc1.md', bytes: enc('Some words about our approach.\n') })).deliverable).toBe('unknown');
  });
});
