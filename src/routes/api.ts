import { bodyLimit } from 'hono/body-limit';
import { authenticate } from '../auth/authenticate.js';
import { GradesheetError } from '../errors.js';
import { registerAssignmentRoutes } from './assignments.js';
import { registerAuditRoutes } from './audit.js';
import { registerCandidateRoutes } from './candidates.js';
import { createApiApp, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';
import { renderDocsPage } from './docs.js';
import { registerKeyRoutes } from './keys.js';
import { registerLinkRoutes } from './links.js';
import { registerSettingRoutes } from './settings.js';
import { registerSheetRoutes } from './sheets.js';
import { registerSubmissionRoutes } from './submissions.js';
import { registerSummaryRoutes } from './summaries.js';

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Gradesheet',
    version: '0.1.0',
    description: 'Grades AI product leader take-home assignments; a human reviewer confirms every grade.',
  },
} as const;

/**
 * The staff API (`/api/v1`), `/openapi.json` and `/docs`.
 *
 * @example
 * app.route('/', createApi(deps));
 */
export function createApi(deps: ServiceDeps): Api {
  const api = createApiApp();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'an API key: gradesheet keys create --role admin' });
  api.use(
    '/api/v1/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new GradesheetError('payload_too_large', 'API request bodies are at most 1 MB.');
      },
    }),
  );
  api.use('/api/v1/*', authenticate(deps.db));
  registerKeyRoutes(api, deps);
  registerAssignmentRoutes(api, deps);
  registerLinkRoutes(api, deps);
  registerSubmissionRoutes(api, deps);
  registerSheetRoutes(api, deps);
  registerAuditRoutes(api, deps);
  registerSummaryRoutes(api, deps);
  registerCandidateRoutes(api, deps);
  registerSettingRoutes(api, deps);
  api.doc31('/openapi.json', openApiInfo);
  api.get('/docs', (c) => c.html(renderDocsPage(api.getOpenAPI31Document(openApiInfo) as Parameters<typeof renderDocsPage>[0])));
  return api;
}
