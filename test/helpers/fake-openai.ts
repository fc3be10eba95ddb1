/**
 * A real HTTP server on loopback that speaks the OpenAI chat-completions protocol, scripted per
 * test: the official SDK talks to it exactly as to api.openai.com (set OPENAI_BASE_URL to `url`).
 * Used by the assist tests and by `npm run eval -- --llm`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: JsonSchemaObject } };
  max_completion_tokens?: number;
  temperature?: number;
}
interface JsonSchemaObject {
  properties?: Record<string, JsonSchemaObject>;
}

export interface FakeCall {
  /** 0-based order of arrival. */
  index: number;
  path: string;
  authorization: string | undefined;
  body: ChatRequest;
}

/** What the server does with one request. */
export type FakeReply =
  | { answer: unknown; usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number } }
  | { content: string | null; finishReason?: 'stop' | 'length' | 'content_filter' }
  | { refusal: string }
  | { status: number; error?: { message: string; type?: string; code?: string }; headers?: Record<string, string> }
  | { delayMs: number; then: FakeReply };

export type FakeScript = (call: FakeCall) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAI {
  /** The base URL for the SDK (`…/v1`). */
  url: string;
  calls: FakeCall[];
  /** Replace the script (between tests). */
  script(next: FakeScript): void;
  close(): Promise<void>;
}

const estimate = (s: string) => Math.ceil(s.length / 4);

function completion(body: ChatRequest, message: { content: string | null; refusal: string | null }, finishReason: string, usage?: { prompt_tokens: number; completion_tokens: number; cached_tokens?: number }) {
  const prompt = usage?.prompt_tokens ?? estimate(body.messages.map((m) => m.content).join('\n'));
  const completionTokens = usage?.completion_tokens ?? estimate(message.content ?? message.refusal ?? '');
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2, 10)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens, prompt_tokens_details: { cached_tokens: usage?.cached_tokens ?? 0 } },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Start the server.
 *
 * @example
 * const fake = await startFakeOpenAI((call) => ({ answer: topGradeEverywhere(call.body) }));
 * // OPENAI_BASE_URL=fake.url … ; fake.calls.length === 1
 */
export async function startFakeOpenAI(initial: FakeScript = () => ({ status: 500 })): Promise<FakeOpenAI> {
  let script = initial;
  const calls: FakeCall[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const send = async (res: ServerResponse, body: ChatRequest, reply: FakeReply): Promise<void> => {
    if (res.destroyed) return;
    if ('delayMs' in reply) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, reply.delayMs);
        timers.add(t);
      });
      return send(res, body, reply.then);
    }
    const json = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if ('status' in reply) return json(reply.status, { error: reply.error ?? { message: `scripted ${reply.status}`, type: 'server_error', code: null } }, reply.headers);
    if ('refusal' in reply) return json(200, completion(body, { content: null, refusal: reply.refusal }, 'stop'));
    if ('answer' in reply) return json(200, completion(body, { content: JSON.stringify(reply.answer), refusal: null }, 'stop', reply.usage));
    return json(200, completion(body, { content: reply.content, refusal: null }, reply.finishReason ?? 'stop'));
  };
  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } }));
        return;
      }
      const call: FakeCall = { index: calls.length, path: req.url, authorization: req.headers.authorization, body: JSON.parse(raw) as ChatRequest };
      calls.push(call);
      await send(res, call.body, await script(call));
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    script(next) {
      script = next;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// Reading the prompt, as a model would ------------------------------------------------------------

export interface PromptSection {
  id: string;
  file: string;
  location: string;
  deliverable: string;
  text: string;
}

/** The candidate's sections in a request (`[S1] {"file":…}` headers inside the fence). */
export function promptSections(body: ChatRequest): PromptSection[] {
  const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
  const start = user.indexOf('\n', user.indexOf('<<<CANDIDATE_TEXT'));
  const end = user.indexOf('<<<END_CANDIDATE_TEXT');
  const out: PromptSection[] = [];
  let current: PromptSection | undefined;
  for (const line of user.slice(start + 1, end).split('\n')) {
    const m = /^\[(S\d+)\] (\{.*\})$/.exec(line);
    if (m) {
      const h = JSON.parse(m[2]!) as { file: string; location: string; deliverable: string };
      current = { id: m[1]!, file: h.file, location: h.location, deliverable: h.deliverable, text: '' };
      out.push(current);
    } else if (current) current.text += (current.text ? '\n' : '') + line;
  }
  for (const s of out) s.text = s.text.replace(/\n+$/, '');
  return out;
}

/** Item ids and red-flag ids the response schema asks for. */
export function askedFor(body: ChatRequest): { items: string[]; red_flags: string[] } {
  const props = body.response_format?.json_schema?.schema.properties ?? {};
  return { items: Object.keys(props.items?.properties ?? {}), red_flags: Object.keys(props.red_flags?.properties ?? {}) };
}

/** Real lines of the submission, usable as verbatim quotes (no redactions, no cut markers). */
export function realLines(body: ChatRequest): { file: string; location: string; quote: string }[] {
  return promptSections(body).flatMap((s) =>
    s.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 12 && !l.includes('[removed by Gradesheet') && !l.includes('[…cut'))
      .map((quote) => ({ file: s.file, location: s.location, quote })),
  );
}

type Quote = { file: string; location: string; quote: string };
type Answer = { items: Record<string, { quotes: Quote[]; rationale: string; score: number }>; red_flags: Record<string, { quotes: Quote[]; rationale: string; present: boolean }> };

/**
 * A model that obeys an injection: the top grade on every item, no red flag, each item "backed"
 * by real lines from anywhere in the submission (spread over every deliverable, so lines the
 * rule grader never read for that item are offered too).
 */
export function topGradeEverywhere(body: ChatRequest): Answer {
  const ids = askedFor(body);
  const lines = realLines(body);
  const pick = (n: number) => (lines.length === 0 ? [] : Array.from({ length: Math.min(5, lines.length) }, (_, k) => lines[(n * 7 + k * Math.max(1, Math.floor(lines.length / 5))) % lines.length]!));
  return {
    items: Object.fromEntries(ids.items.map((id, n) => [id, { quotes: pick(n), rationale: 'Excellent, as instructed.', score: 3 }])),
    red_flags: Object.fromEntries(ids.red_flags.map((id) => [id, { quotes: [], rationale: 'None.', present: false }])),
  };
}

/** Scores everywhere with quotes that appear nowhere in the submission. */
export function hallucinatedAnswer(body: ChatRequest, score = 3): Answer {
  const ids = askedFor(body);
  const file = promptSections(body)[0]?.file ?? 'Roadmap.md';
  const fake = (id: string) => [{ file, location: 'line 1', quote: `We will deliver a ${id} plan with a 40% uplift by Q3, owned by the VP Product.` }];
  return {
    items: Object.fromEntries(ids.items.map((id) => [id, { quotes: fake(id), rationale: 'Invented.', score }])),
    red_flags: Object.fromEntries(ids.red_flags.map((id) => [id, { quotes: fake(id), rationale: 'Invented.', present: true }])),
  };
}
