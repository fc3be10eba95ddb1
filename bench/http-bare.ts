// Reference for the HTTP benchmark (bench/http.ts): a bare Hono route on @hono/node-server, in
// its own process, so the service's figures can be read against what Node + Hono do with nothing.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';

const app = new Hono();
app.get('/bare', (c) => c.text('ok'));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  // Same line as the service prints, so the bench finds the port the same way.
  console.log(`bare hono listening on http://localhost:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
