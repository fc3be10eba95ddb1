import { createRoute, z } from '@hono/zod-openapi';
import { access } from '../auth/roles.js';
import { getLlmAssistSetting, setLlmAssistSetting } from '../store/settings.js';
import { body, errors, json, secured, type Api } from './common.js';
import type { ServiceDeps } from './deps.js';

const LlmAssistSettingSchema = z
  .object({
    enabled: z.boolean().openapi({ description: 'false: no submission of any assignment goes to a model' }),
    set_by: z.string().nullable().openapi({ description: 'the key id of the admin who last changed it' }),
    set_at: z.string().nullable(),
    configured: z.boolean().openapi({ description: 'a model is configured on this server (GRADESHEET_LLM_MODEL)' }),
    model: z.string().nullable(),
  })
  .openapi('LlmAssistSetting');

const getSetting = createRoute({
  method: 'get',
  path: '/api/v1/settings/llm_assist',
  summary: 'The service-wide LLM assist switch',
  tags: ['settings'],
  ...secured(access.staff),
  responses: { 200: json(LlmAssistSettingSchema, 'the switch'), ...errors() },
});

const putSetting = createRoute({
  method: 'put',
  path: '/api/v1/settings/llm_assist',
  summary: 'Switch the LLM assist on or off for every assignment at once (audited)',
  description: 'Off: the worker grades every submission with the rule graders only, whatever the assignment says. On: each assignment’s own llm_assist flag decides.',
  tags: ['settings'],
  ...secured(access.admins),
  request: { body: body(z.object({ enabled: z.boolean() }).openapi('LlmAssistSwitch')) },
  responses: { 200: json(LlmAssistSettingSchema, 'the switch as set'), ...errors() },
});

/** Service-wide settings: the LLM assist kill switch. */
export function registerSettingRoutes(api: Api, deps: ServiceDeps): void {
  const configured = () => ({ configured: Boolean(deps.config.assistModel), model: deps.config.assistModel ?? null });
  api.openapi(getSetting, async (c) => c.json({ ...(await getLlmAssistSetting(deps.db)), ...configured() }, 200));
  api.openapi(putSetting, async (c) => {
    const setting = await setLlmAssistSetting(deps.db, c.req.valid('json').enabled, c.get('actor'), deps.now());
    return c.json({ ...setting, ...configured() }, 200);
  });
}
