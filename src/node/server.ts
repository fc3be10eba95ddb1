import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.js';
import { openRuntime } from './runtime.js';

export interface RunningServer {
  port: number;
  /** Stop taking requests, let the job in hand finish, close the database. */
  close(): Promise<void>;
}

/**
 * Start the HTTP service on PORT (default 3000; 0 picks a free port) with its job worker.
 * The database is created and migrated before the first request.
 */
export async function startServer(env: Record<string, string | undefined> = process.env): Promise<RunningServer> {
  const runtime = await openRuntime(env);
  const app = createApp(runtime.deps);
  if (runtime.config.GRADESHEET_WORKER === 'on') runtime.worker.start();
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: runtime.config.PORT, hostname: runtime.config.HOST }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  console.log(`gradesheet listening on http://localhost:${port} (${runtime.database.flavor}: ${runtime.database.where})`);
  return {
    port,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await runtime.close();
    },
  };
}
