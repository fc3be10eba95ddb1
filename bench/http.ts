// `npm run bench` (after the parsing benchmark) or `npm run bench:http`: the service over HTTP on
// loopback. The real server (`node dist/cli.js serve`) runs in a child process, on SQLite and then
// on Postgres; autocannon drives 50 connections from this process, each one submitting again and
// again (three uploads on a fresh link, then the submit). A bare Hono route in its own process is
// the reference. Then 100,000 submissions are seeded into one assignment and its summary is timed.
//
// Environment: BENCH_HTTP_SECONDS (timed load per configuration, default 12),
// BENCH_SUMMARY_ROWS (default 100000), BENCH_SUMMARY_N (requests per summary query, default 200),
// BENCH_FLAVOURS (default "sqlite,postgres"), TEST_POSTGRES_URL (admin connection, as the tests),
// PARSE_THREADS (handed to the server), BENCH_SERVER_CLI (another build's dist/cli.js, for A/B
// runs), BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
// Everything listens on 127.0.0.1 only; temp folders and the Postgres database are removed after.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { seedSummary, type SeedResult } from './http-seed.js';
import { createStorage } from './storage.js';

const here = fileURLToPath(new URL('.', import.meta.url));
// Run from dist/bench: the repository root is two levels up.
const repoRoot = join(here, '..', '..');
// BENCH_SERVER_CLI: another build's dist/cli.js, to compare two versions under the same load.
const cliPath = process.env.BENCH_SERVER_CLI ?? join(repoRoot, 'dist', 'cli.js');
const barePath = join(here, 'http-bare.js');

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 12);
const CONNECTIONS = 50;
const SUMMARY_ROWS = Number(process.env.BENCH_SUMMARY_ROWS ?? 100_000);
const SUMMARY_N = Number(process.env.BENCH_SUMMARY_N ?? 200);
const FLAVOURS = (process.env.BENCH_FLAVOURS ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as Flavour[];
type Flavour = 'sqlite' | 'postgres';

// Three real, small files of one labeled submission: Markdown, DOCX and PPTX.
const fixtureDir = join(repoRoot, 'fixtures', 'submissions', '01-support-copilot-strong');
const FILES = [
  { kind: 'upload .md', name: 'roadmap.md' },
  { kind: 'upload .docx', name: 'RAI_Policy_v2.docx' },
  { kind: 'upload .pptx', name: 'Year1_Cost_Model.pptx' },
].map((f) => ({ ...f, bytes: readFileSync(join(fixtureDir, f.name)) }));
const KINDS = [...FILES.map((f) => f.kind), 'submit'];

// ---------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

/** CPU seconds (user + system) a process used so far, from /proc (Linux). */
function processCpuSeconds(pid: number, tid?: number, only?: 'user' | 'system'): number {
  try {
    const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (only) return Number(fields[only === 'user' ? 11 : 12]) / 100;
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Busy and total jiffies of the whole machine. */
function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU seconds of every Postgres process on the machine (the database server's share of the load). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

interface CpuWindow {
  stop(): { server: number; serverMain: number; serverSystem: number; bench: number; postgres: number; machine: number };
}
/** CPU use during a window, in percent of one core (server, this process) and of the machine. */
function cpuWindow(serverPid: number): CpuWindow {
  const t0 = performance.now();
  const s0 = processCpuSeconds(serverPid);
  const sm0 = processCpuSeconds(serverPid, serverPid);
  const ss0 = processCpuSeconds(serverPid, undefined, 'system');
  const b0 = process.cpuUsage();
  const p0 = postgresCpuSeconds();
  const m0 = machineCpu();
  return {
    stop() {
      const secs = (performance.now() - t0) / 1000;
      const b = process.cpuUsage(b0);
      const m = machineCpu();
      return {
        server: ((processCpuSeconds(serverPid) - s0) / secs) * 100,
        serverMain: ((processCpuSeconds(serverPid, serverPid) - sm0) / secs) * 100,
        serverSystem: ((processCpuSeconds(serverPid, undefined, 'system') - ss0) / secs) * 100,
        bench: ((b.user + b.system) / 1e6 / secs) * 100,
        postgres: ((postgresCpuSeconds() - p0) / secs) * 100,
        machine: ((m.busy - m0.busy) / (m.total - m0.total)) * 100 * cpus().length,
      };
    },
  };
}

// Keep-alive HTTP for set-up and the summary timings (less client overhead than fetch).
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
interface HttpResult {
  status: number;
  body: string;
}
function request(base: string, method: string, path: string, opts: { key?: string; json?: unknown } = {}): Promise<HttpResult> {
  const url = new URL(path, base);
  const body = opts.json === undefined ? undefined : Buffer.from(JSON.stringify(opts.json));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
async function jsonOk<T>(r: Promise<HttpResult>, expected: number, what: string): Promise<T> {
  const res = await r;
  if (res.status !== expected) throw new Error(`${what}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as T;
}

/** Run `fn` over `items` with at most `width` in flight. */
async function pool<T, R>(items: T[], width: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Child processes: the service and the bare reference

interface Child {
  base: string;
  pid: number;
  stderrTail(): string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();

async function spawnListening(script: string, args: string[], env: Record<string, string>): Promise<Child> {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the children.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...(process.env.PARSE_THREADS ? { PARSE_THREADS: process.env.PARSE_THREADS } : {}), ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr!.on('data', (d) => {
    stderr = (stderr + String(d)).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => children.delete(child));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += String(d);
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening: ${stderr}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stderrTail: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killChildren() {
  for (const c of children) c.kill('SIGKILL');
}
process.once('SIGINT', () => {
  killChildren();
  process.exit(130);
});


// ---------------------------------------------------------------------------------------------
// The submission load

const BOUNDARY = `----gradesheet-bench-${randomBytes(8).toString('hex')}`;
function multipartBody(name: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}
const BODIES = FILES.map((f) => multipartBody(f.name, f.bytes));

interface LoadResult {
  seconds: number;
  submissions: number;
  requests: number;
  latencies: Record<string, number[]>;
  failures: Record<string, Record<string, number>>;
  socketErrors: number;
  timeouts: number;
  failureSample: string | null;
  cpu: { server: number; serverMain: number; serverSystem: number; bench: number; postgres: number; machine: number };
  /** Latencies of the staff GETs made during the load, sorted. */
  probeMs: number[];
}

/**
 * 50 connections, each looping: upload the three files to a fresh link (one request per file),
 * then submit. Each connection does at most `cyclesPerConnection` submissions, so the pool of
 * tokens (one per submission) never runs dry; the run stops after `seconds` or when all are done.
 */
async function runSubmissions(
  server: Child,
  tokens: string[],
  cyclesPerConnection: number,
  seconds: number,
  connections = CONNECTIONS,
  probe?: { path: string; key: string },
): Promise<LoadResult> {
  const latencies: Record<string, number[]> = Object.fromEntries(KINDS.map((k) => [k, []]));
  const failures: Record<string, Record<string, number>> = Object.fromEntries(KINDS.map((k) => [k, {}]));
  let submissions = 0;
  let failureSample: string | null = null;
  type Ctx = { token?: string; ok?: boolean };
  const fail = (kind: string, status: number, body: string, ctx: Ctx) => {
    ctx.ok = false;
    failures[kind]![status] = (failures[kind]![status] ?? 0) + 1;
    failureSample ??= `${kind}: HTTP ${status} ${body.slice(0, 300)}`;
  };
  const requests = FILES.map((f, i) => ({
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request, context: object) => {
      const ctx = context as Ctx;
      if (i === 0) {
        const token = tokens.pop();
        if (!token) return undefined as unknown as autocannon.Request;
        ctx.token = token;
        ctx.ok = true;
      }
      return { ...req, path: `/s/${ctx.token}/files`, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, body: BODIES[i]! };
    },
    onResponse: (status: number, body: string, context: object) => {
      if (status !== 201) fail(f.kind, status, body, context as Ctx);
    },
  }));
  const submit = {
    method: 'POST' as const,
    setupRequest: (req: autocannon.Request, context: object) => ({ ...req, path: `/s/${(context as Ctx).token}/submit` }),
    onResponse: (status: number, body: string, context: object) => {
      if (status !== 200) fail('submit', status, body, context as Ctx);
      else if ((context as Ctx).ok) submissions++;
    },
  };
  const cpu = cpuWindow(server.pid);
  const t0 = performance.now();
  // A staff member reading meanwhile: one GET every 50 ms, to see whether uploads hold up the rest.
  const probeMs: number[] = [];
  let probing = probe !== undefined;
  const probeLoop = (async () => {
    while (probing && probe) {
      const t = performance.now();
      const r = await request(server.base, 'GET', probe.path, { key: probe.key });
      probeMs.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`probe ${probe.path}: HTTP ${r.status}`);
      await sleep(50);
    }
  })();
  let instance!: autocannon.Instance;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: server.base,
        connections,
        duration: seconds,
        maxConnectionRequests: cyclesPerConnection * KINDS.length,
        timeout: 30,
        requests: [...requests, submit] as autocannon.Request[],
      } as autocannon.Options,
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    // The iterator still points at the request just answered when a response is reported.
    instance.on('response', (client, _status, _bytes, ms) => {
      const step = (client as unknown as { requestIterator: { currentRequestIndex: number } }).requestIterator.currentRequestIndex;
      latencies[KINDS[step]!]?.push(ms);
    });
  });
  probing = false;
  await probeLoop;
  const elapsed = (performance.now() - t0) / 1000;
  const usage = cpu.stop();
  for (const k of KINDS) latencies[k]!.sort((a, b) => a - b);
  return {
    seconds: elapsed,
    submissions,
    requests: KINDS.reduce((a, k) => a + latencies[k]!.length, 0),
    latencies,
    failures,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    failureSample,
    cpu: usage,
    probeMs: probeMs.sort((a, b) => a - b),
  };
}

async function createLinks(server: Child, key: string, assignmentId: string, n: number): Promise<string[]> {
  const t0 = performance.now();
  const tokens = await pool(Array.from({ length: n }, (_, i) => i), 8, async (i) => {
    const link = await jsonOk<{ token: string }>(
      request(server.base, 'POST', `/api/v1/assignments/${assignmentId}/links`, { key, json: { candidate: { name: `Bench Candidate ${i}`, email: `bench${i}@example.com` } } }),
      201,
      'create link',
    );
    return link.token;
  });
  const secs = (performance.now() - t0) / 1000;
  console.log(`  created ${n} links in ${secs.toFixed(1)} s (${(n / secs).toFixed(0)}/s)`);
  return tokens;
}

/** Submissions still waiting for their sheet (the in-process worker grades them). */
async function countGrading(server: Child, key: string, assignmentId: string): Promise<number> {
  let n = 0;
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; next_cursor: string | null } = await jsonOk(
      request(server.base, 'GET', `/api/v1/submissions?assignment_id=${assignmentId}&status=grading&limit=500${cursor ? `&cursor=${cursor}` : ''}`, { key }),
      200,
      'list grading',
    );
    n += page.items.length;
    cursor = page.next_cursor;
  } while (cursor);
  return n;
}

async function waitGraded(server: Child, key: string, assignmentId: string, limitSeconds: number): Promise<{ seconds: number; left: number }> {
  const t0 = performance.now();
  let left = await countGrading(server, key, assignmentId);
  while (left > 0 && (performance.now() - t0) / 1000 < limitSeconds) {
    await sleep(250);
    left = await countGrading(server, key, assignmentId);
  }
  return { seconds: (performance.now() - t0) / 1000, left };
}

// ---------------------------------------------------------------------------------------------
// The bare reference

interface BareResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpu: { server: number; serverMain: number; serverSystem: number; bench: number; postgres: number; machine: number };
}

async function runBare(seconds: number): Promise<BareResult> {
  const bare = await spawnListening(barePath, [], {});
  try {
    await new Promise((resolve) => autocannon({ url: `${bare.base}/bare`, connections: CONNECTIONS, duration: 2 }, resolve)); // warm-up
    const cpu = cpuWindow(bare.pid);
    const result = await new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url: `${bare.base}/bare`, connections: CONNECTIONS, duration: seconds }, (err, r) => (err ? reject(err) : resolve(r))),
    );
    return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx, cpu: cpu.stop() };
  } finally {
    await bare.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Summary timings

interface SummaryTiming {
  query: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  rows: number;
}

async function timeSummary(server: Child, key: string, seeded: SeedResult): Promise<SummaryTiming[]> {
  const a = seeded.assignmentId;
  const deepCursor = Buffer.from(seeded.deepId).toString('base64url');
  const queries: [string, string][] = [
    ['first page (limit 50)', ''],
    ['status=confirmed', 'status=confirmed'],
    ['status=in_review', 'status=in_review'],
    ['decision=advance', 'decision=advance'],
    ['decision=do_not_advance', 'decision=do_not_advance'],
    [`cursor at row ${seeded.deepIndex.toLocaleString('en')}`, `cursor=${deepCursor}`],
    [`decision=advance + cursor at row ${seeded.deepIndex.toLocaleString('en')}`, `decision=advance&cursor=${deepCursor}`],
    ['first page, limit=500', 'limit=500'],
  ];
  const out: SummaryTiming[] = [];
  for (const [label, qs] of queries) {
    const path = `/api/v1/assignments/${a}/summary${qs ? `?${qs}` : ''}`;
    let rows = 0;
    for (let i = 0; i < 10; i++) rows = (await jsonOk<{ items: unknown[] }>(request(server.base, 'GET', path, { key }), 200, `summary ${label}`)).items.length;
    const ms: number[] = [];
    for (let i = 0; i < SUMMARY_N; i++) {
      const t = performance.now();
      const r = await request(server.base, 'GET', path, { key });
      ms.push(performance.now() - t);
      if (r.status !== 200) throw new Error(`summary ${label}: HTTP ${r.status} ${r.body.slice(0, 200)}`);
    }
    ms.sort((x, y) => x - y);
    out.push({ query: label, n: SUMMARY_N, p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), p99: percentile(ms, 0.99), rows });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One configuration: load, then summary

interface FlavourResult {
  flavour: Flavour;
  load: LoadResult;
  /** One client at a time: the latency of each request without queueing. */
  single: LoadResult;
  graded: { duringLoad: number; drainSeconds: number; left: number };
  seed: SeedResult;
  summary: SummaryTiming[];
}

async function runFlavour(flavour: Flavour): Promise<FlavourResult> {
  console.log(`\n[${flavour}]`);
  const storage = await createStorage(flavour, `bench-http-${flavour}`);
  let server: Child | null = null;
  try {
    const key = execFileSync(process.execPath, [cliPath, 'keys', 'create', '--role', 'admin', '--name', 'bench'], {
      env: { PATH: process.env.PATH ?? '', ...storage.env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    server = await spawnListening(cliPath, ['serve'], storage.env);
    const assignment = await jsonOk<{ id: string }>(request(server.base, 'POST', '/api/v1/assignments', { key, json: { title: 'HTTP bench' } }), 201, 'create assignment');

    // Warm-up: two submissions per connection, untimed, then let the worker catch up.
    const warmTokens = await createLinks(server, key, assignment.id, CONNECTIONS * 2 + 10);
    const warm = await runSubmissions(server, warmTokens, 2, 10);
    const warmRate = warm.submissions / warm.seconds;
    await waitGraded(server, key, assignment.id, 120);
    console.log(`  warm-up: ${warm.submissions} submissions at ${warmRate.toFixed(0)}/s`);

    // What one request costs without queueing: one client, 20 submissions.
    const single = await runSubmissions(server, await createLinks(server, key, assignment.id, 21), 20, 20, 1);
    if (single.failureSample) console.log(`  one client, first failure: ${single.failureSample}`);
    await waitGraded(server, key, assignment.id, 60);

    // Enough fresh links that no connection runs out before the time is up (twice the warm-up rate).
    const cycles = Math.min(100, Math.ceil((Math.max(warmRate, 50) * 2 * SECONDS) / CONNECTIONS) + 1);
    const tokens = await createLinks(server, key, assignment.id, cycles * CONNECTIONS + 10);
    const load = await runSubmissions(server, tokens, cycles, SECONDS, CONNECTIONS, { path: `/api/v1/assignments/${assignment.id}`, key });
    if (load.failureSample) console.log(`  first failure: ${load.failureSample}`);
    const left = await countGrading(server, key, assignment.id);
    const drain = await waitGraded(server, key, assignment.id, 300);
    console.log(
      `  load: ${load.submissions} submissions in ${load.seconds.toFixed(1)} s; ${left} waited for grading at the end, graded ${drain.left === 0 ? `within ${drain.seconds.toFixed(1)} s` : `partly (${drain.left} left after ${drain.seconds.toFixed(0)} s)`}`,
    );

    // Summary: seed 100,000 submissions into a new assignment with the server stopped, then time.
    const summaryAssignment = await jsonOk<{ id: string }>(request(server.base, 'POST', '/api/v1/assignments', { key, json: { title: 'Summary bench' } }), 201, 'create assignment');
    await server.stop();
    server = null;
    const seed = await seedSummary(storage.env, summaryAssignment.id, SUMMARY_ROWS);
    console.log(`  seeded ${seed.rows} submissions (${seed.fields} sheet fields) in ${seed.seconds.toFixed(1)} s`);
    server = await spawnListening(cliPath, ['serve'], storage.env);
    const summary = await timeSummary(server, key, seed);
    return { flavour, load, single, graded: { duringLoad: load.submissions - left, drainSeconds: drain.seconds, left: drain.left }, seed, summary };
  } catch (e) {
    if (server) console.error(`  server stderr (tail):\n${server.stderrTail()}`);
    throw e;
  } finally {
    await server?.stop();
    await storage.drop();
  }
}

// ---------------------------------------------------------------------------------------------

const GOAL_SUBMISSIONS = 100;
const GOAL_P99 = 250;
const GOAL_SUMMARY_P95 = 50;
const check = (ok: boolean) => (ok ? 'yes' : '**no**');

console.log(`\nHTTP benchmark: ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), loopback`);
console.log(`${CONNECTIONS} connections, ${SECONDS} s per configuration; one submission = 3 uploads (${FILES.map((f) => `${f.name} ${f.bytes.length} B`).join(', ')}) + submit`);

const bare = await runBare(SECONDS);
const results: FlavourResult[] = [];
for (const flavour of FLAVOURS) results.push(await runFlavour(flavour));
agent.destroy();

console.log(`\nLoad at ${CONNECTIONS} connections (CPU in % of one core; the machine has ${cpus().length} cores, shared by the server, Postgres, the load generator and whatever else runs on it)\n`);
console.log('| target | seconds | submissions/s | requests/s | p50 ms (all) | p99 ms (all) | errors | server CPU (main thread; in the kernel) | server CPU ms per submission | load generator CPU | Postgres CPU | other processes CPU |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
console.log(`| bare Hono \`GET /bare\` | ${SECONDS} | — | ${fmt(bare.rps, 0)} | ${fmt(bare.p50)} | ${fmt(bare.p99)} | ${bare.errors} | ${fmt(bare.cpu.server, 0)}% (${fmt(bare.cpu.serverMain, 0)}%; ${fmt(bare.cpu.serverSystem, 0)}%) | — | ${fmt(bare.cpu.bench, 0)}% | ${fmt(bare.cpu.postgres, 0)}% | ${fmt(bare.cpu.machine - bare.cpu.server - bare.cpu.bench - bare.cpu.postgres, 0)}% |`);
for (const r of results) {
  const all = KINDS.flatMap((k) => r.load.latencies[k]!).sort((a, b) => a - b);
  const errors = KINDS.reduce((a, k) => a + Object.values(r.load.failures[k]!).reduce((x, y) => x + y, 0), 0) + r.load.socketErrors + r.load.timeouts;
  console.log(
    `| service on ${r.flavour} | ${fmt(r.load.seconds)} | ${fmt(r.load.submissions / r.load.seconds)} | ${fmt(r.load.requests / r.load.seconds, 0)} | ${fmt(percentile(all, 0.5))} | ${fmt(percentile(all, 0.99))} | ${errors} | ${fmt(r.load.cpu.server, 0)}% (${fmt(r.load.cpu.serverMain, 0)}%; ${fmt(r.load.cpu.serverSystem, 0)}%) | ${fmt((r.load.cpu.server * r.load.seconds * 10) / r.load.submissions)} | ${fmt(r.load.cpu.bench, 0)}% | ${fmt(r.load.cpu.postgres, 0)}% | ${fmt(r.load.cpu.machine - r.load.cpu.server - r.load.cpu.bench - r.load.cpu.postgres, 0)}% |`,
  );
}

console.log(`\nLatency per request kind at ${CONNECTIONS} connections, and with one client (no queueing)\n`);
console.log(`| database | kind | requests | p50 ms | p99 ms | max ms | errors | one client: p50 ms | one client: p99 ms |`);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  for (const k of KINDS) {
    const l = r.load.latencies[k]!;
    const one = r.single.latencies[k]!;
    const f = Object.entries(r.load.failures[k]!).map(([s, n]) => `${n}× ${s}`).join(', ') || '0';
    console.log(`| ${r.flavour} | ${k} | ${l.length} | ${fmt(percentile(l, 0.5))} | ${fmt(percentile(l, 0.99))} | ${fmt(l[l.length - 1] ?? NaN)} | ${f} | ${fmt(percentile(one, 0.5))} | ${fmt(percentile(one, 0.99))} |`);
  }
  const p = r.load.probeMs;
  console.log(`| ${r.flavour} | staff \`GET /api/v1/assignments/{id}\` during the load (1 client, every 50 ms) | ${p.length} | ${fmt(percentile(p, 0.5))} | ${fmt(percentile(p, 0.99))} | ${fmt(p[p.length - 1] ?? NaN)} | 0 | | |`);
  if (r.load.socketErrors || r.load.timeouts) console.log(`| ${r.flavour} | connection errors · timeouts | | | | | ${r.load.socketErrors} · ${r.load.timeouts} |`);
}

console.log('\nGrading (the in-process worker) during and after the load\n');
console.log('| database | submitted | graded during the load | rest graded within | submitted and graded per second (load + rest) |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  const endToEnd = r.graded.left === 0 ? fmt(r.load.submissions / (r.load.seconds + r.graded.drainSeconds)) : '—';
  console.log(`| ${r.flavour} | ${r.load.submissions} | ${r.graded.duringLoad} | ${r.graded.left === 0 ? `${fmt(r.graded.drainSeconds)} s` : `not done: ${r.graded.left} left`} | ${endToEnd} |`);
}

console.log(`\nSummary over ${SUMMARY_ROWS.toLocaleString('en')} submissions of one assignment (half confirmed); ${SUMMARY_N} sequential requests per query over HTTP\n`);
console.log('| database | query | rows | p50 ms | p95 ms | p99 ms |');
console.log('|---|---|---|---|---|---|');
for (const r of results) for (const s of r.summary) console.log(`| ${r.flavour} | ${s.query} | ${s.rows} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} |`);

console.log('\nGoals\n');
console.log('| database | ≥ 100 submissions/s | p99 < 250 ms (every kind) | summary p95 < 50 ms (every query) |');
console.log('|---|---|---|---|');
for (const r of results) {
  const rate = r.load.submissions / r.load.seconds;
  const worstP99 = Math.max(...KINDS.map((k) => percentile(r.load.latencies[k]!, 0.99)));
  const worstP95 = Math.max(...r.summary.map((s) => s.p95));
  console.log(`| ${r.flavour} | ${check(rate >= GOAL_SUBMISSIONS)} (${fmt(rate)}) | ${check(worstP99 < GOAL_P99)} (${fmt(worstP99)} ms) | ${check(worstP95 < GOAL_SUMMARY_P95)} (${fmt(worstP95)} ms) |`);
}
