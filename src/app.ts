import { Hono } from 'hono';
import { GradesheetError } from './errors.js';

/** What the core needs from its runtime; the Node and Workers entries provide it. */
export interface AppDeps {
  /** Resolves once storage is ready (migrations applied). */
  ready?: () => Promise<void>;
}

/**
 * The Hono app, independent of any runtime.
 *
 * @example
 * const app = createApp({});
 * const res = await app.request('/healthz'); // 200 {"ok":true}
 */
export function createApp(deps: AppDeps = {}): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    await deps.ready?.();
    return c.json({ ok: true });
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}. See /openapi.json for the routes.` } }, 404));
  app.onError((err, c) => {
    if (err instanceof GradesheetError) return c.json(err.toJSON(), err.status as 400);
    console.error(err);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; the error was logged. Try again.' } }, 500);
  });
  return app;
}
