import { serve } from '@hono/node-server';
import { createApp } from '../app.js';

/** Start the HTTP service on PORT (default 3000). */
export function startServer(env: NodeJS.ProcessEnv = process.env): { close: () => void; port: number } {
  const port = Number(env.PORT ?? 3000);
  const app = createApp({});
  const server = serve({ fetch: app.fetch, port, hostname: env.HOST ?? '0.0.0.0' }, (info) => {
    console.log(`gradesheet listening on http://localhost:${info.port}`);
  });
  return { close: () => server.close(), port };
}
