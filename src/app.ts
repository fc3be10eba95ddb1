import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { GradesheetError, type ErrorCode } from './errors.js';
import { createApi } from './routes/api.js';
import { createPages } from './pages/index.js';
import { createCandidateRoutes } from './routes/candidate-link.js';
import type { ServiceDeps } from './routes/deps.js';

export { defaultServiceConfig, type ServiceConfig, type ServiceDeps } from './routes/deps.js';

/** What the core needs from its runtime; the Node and Workers entries provide it. */
export interface AppDeps extends ServiceDeps {
  /** Resolves once storage is ready (migrations applied). */
  ready?: () => Promise<void>;
}

// Errors raised by Hono itself (bad JSON, wrong content type, body limits) in our shape.
const httpCodes: Record<number, ErrorCode> = { 400: 'invalid_request', 401: 'unauthorized', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type' };

/**
 * The Hono app, independent of any runtime.
 *
 * @example
 * const app = createApp({ db, flavor: 'sqlite', blobs, now: () => new Date(), config: defaultServiceConfig });
 * const res = await app.request('/healthz'); // 200 {"ok":true}
 */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  // No response leaves before the commits made so far are durable (see ServiceDeps.durable):
  // a receipt, a 201 or a page that shows a change means the change survives a power loss.
  if (deps.durable) {
    const durable = deps.durable;
    app.use('*', async (_c, next) => {
      await next();
      await durable();
    });
  }
  app.get('/healthz', async (c) => {
    await deps.ready?.();
    return c.json({ ok: true });
  });
  app.route('/', createApi(deps));
  app.route('/', createCandidateRoutes(deps));
  app.route('/', createPages(deps));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: `No route for ${c.req.method} ${c.req.path}. See /openapi.json for the routes.` } }, 404));
  app.onError((err, c) => {
    if (err instanceof GradesheetError) {
      if (err.status === 401) c.header('www-authenticate', 'Bearer');
      return c.json(err.toJSON(), err.status as 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = httpCodes[err.status] ?? 'invalid_request';
      return c.json({ error: { code, message: err.message || 'The request could not be handled.' } }, err.status);
    }
    console.error(err);
    return c.json({ error: { code: 'internal', message: 'Something went wrong on our side; the error was logged. Try again.' } }, 500);
  });
  return app;
}
