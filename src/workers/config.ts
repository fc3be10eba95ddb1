import { z } from 'zod';
import { defaultLimits, type Limits } from '../documents/limits.js';
import type { Document } from '../documents/model.js';
import { parseDocument, type UploadedFile } from '../documents/parse.js';
import { GradesheetError } from '../errors.js';
// The Node build's loader is runtime-free (zod only): the Workers build takes the same names,
// rules and defaults from it for everything the two builds share.
import { nodeConfigSchema } from '../node/config.js';

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Lower than the Node build's limits, so that reading one upload fits a Worker's 128 MB and its
 * CPU time (README, "Workers limits"): each file at most MAX_FILE_MB, inflated zip parts and PDFs
 * capped to match. Bigger uploads get a 413 with the limit in the message.
 */
export const workersLimitsDefaults = {
  MAX_FILE_MB: 10,
  MAX_UPLOAD_MB: 21,
  // About 100 pages of prose: grading time and memory grow with the text, not with the bytes.
  MAX_FILE_CHARACTERS: 300_000,
} as const;

export const workersConfigSchema = nodeConfigSchema
  .pick({
    PUBLIC_URL: true,
    MAX_FILES_PER_SUBMISSION: true,
    JOB_LEASE_SECONDS: true,
    JOB_MAX_ATTEMPTS: true,
    GRADESHEET_LLM_MODEL: true,
    OPENAI_API_KEY: true,
    OPENAI_BASE_URL: true,
    GRADESHEET_LLM_TIMEOUT_MS: true,
    GRADESHEET_LLM_MAX_RETRIES: true,
    GRADESHEET_LLM_DEADLINE_MS: true,
    GRADESHEET_LLM_MAX_INPUT_TOKENS: true,
    GRADESHEET_LLM_MAX_OUTPUT_TOKENS: true,
    GRADESHEET_LLM_TEMPERATURE: true,
    GRADESHEET_LLM_PRICES: true,
  })
  .extend({
    /** Largest upload request, in MB (Cloudflare refuses bodies over 100 MB on the Free and Pro plans before the Worker runs). */
    MAX_UPLOAD_MB: int(workersLimitsDefaults.MAX_UPLOAD_MB, 1, 100),
    /** Largest single file, in MB. */
    MAX_FILE_MB: int(workersLimitsDefaults.MAX_FILE_MB, 1, 25),
    /** Most characters of text one file may hold once read. */
    MAX_FILE_CHARACTERS: int(workersLimitsDefaults.MAX_FILE_CHARACTERS, 1_000, 5_000_000),
    /**
     * The first admin key (a secret: `wrangler secret put GRADESHEET_BOOTSTRAP_ADMIN_KEY`). Stored
     * as its SHA-256 at the first request; revoking it (DELETE /api/v1/keys/{id}) is final.
     */
    GRADESHEET_BOOTSTRAP_ADMIN_KEY: z
      .string()
      .trim()
      .regex(/^gsk_[A-Za-z0-9_-]{32,}$/, 'must be gsk_ followed by at least 32 base64url characters (e.g. gsk_ + `openssl rand -base64 32 | tr "+/" "-_" | tr -d =`)')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** `on`: a submit grades right after its response (ctx.waitUntil); `off`: only the cron trigger grades. */
    GRADESHEET_GRADE_AFTER_RESPONSE: z.enum(['on', 'off']).default('on'),
    /** Jobs one invocation (a request's waitUntil or one cron run) may run, to stay inside its CPU time. */
    JOBS_PER_INVOCATION: int(3, 1, 50),
  });

export type WorkersConfig = z.infer<typeof workersConfigSchema>;

/** Read the configuration from the Worker's string bindings (vars and secrets). */
export function loadWorkersConfig(env: Record<string, unknown>): WorkersConfig {
  const strings = Object.fromEntries(Object.entries(env).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const result = workersConfigSchema.safeParse(strings);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new GradesheetError('invalid_request', `The Worker's configuration (vars and secrets) is not valid: ${issues}.`);
  }
  return result.data;
}

/** The parser's limits on Workers: the file cap from the configuration, inflation capped well below 128 MB. */
export function workersParseLimits(config: Pick<WorkersConfig, 'MAX_FILE_MB'>): Limits {
  return {
    ...defaultLimits,
    maxFileBytes: config.MAX_FILE_MB * 1024 * 1024,
    // One XML part becomes a JS string, a parser's state and a tree. The largest part in the
    // real corpus is 1.6 MB and the largest deck's XML 6.5 MB in all; reading 4 MB stays near
    // 50 MB of memory (README, "Workers limits"), 8 MB did not.
    maxPartBytes: 4 * 1024 * 1024,
    maxInflatedBytes: 16 * 1024 * 1024,
    maxPdfPages: 100,
    maxSlides: 200,
  };
}

/**
 * Parse an upload within the Workers limits: the parser's limits, then the text it holds (what
 * grading's time and memory follow). Over either: a GradesheetError the API answers with 413/422.
 *
 * @example
 * const parse = workersParser(loadWorkersConfig(env));
 * const doc = await parse({ name: 'Roadmap.docx', bytes });
 */
export function workersParser(config: Pick<WorkersConfig, 'MAX_FILE_MB' | 'MAX_FILE_CHARACTERS'>): (upload: UploadedFile) => Promise<Document> {
  const limits = workersParseLimits(config);
  return async (upload) => {
    const document = await parseDocument(upload, { limits });
    const characters = document.sections.reduce((n, s) => n + s.text.length, 0);
    if (characters > config.MAX_FILE_CHARACTERS) {
      throw new GradesheetError(
        'file_too_large',
        `${upload.name} holds ${characters.toLocaleString('en-US')} characters of text; this server reads at most ${config.MAX_FILE_CHARACTERS.toLocaleString('en-US')} per file. Upload the deliverables as separate, shorter files.`,
        { file: upload.name },
      );
    }
    return document;
  };
}
