import { z } from 'zod';
import { GradesheetError } from '../errors.js';

const int = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The one configuration loader of the Node build: every setting comes from the environment,
 * so the server and the command line (`gradesheet keys …`) act on the same database.
 */
export const nodeConfigSchema = z.object({
  PORT: int(3000, 0, 65535),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** SQLite database and uploaded originals (`DATA_DIR/gradesheet.db`, `DATA_DIR/files/`). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… or postgresql://…: the database lives on Postgres instead of SQLite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Base of candidate links, e.g. https://grades.example.com (default: the request's origin). */
  PUBLIC_URL: z.url().optional(),
  MAX_FILES_PER_SUBMISSION: int(10, 1, 100),
  /** Largest upload request, in MB. */
  MAX_UPLOAD_MB: int(51, 1, 1024),
  /** A crashed worker's job is claimed again after this lease. */
  JOB_LEASE_SECONDS: int(60, 1, 3600),
  JOB_POLL_MS: int(1000, 10, 60_000),
  JOB_MAX_ATTEMPTS: int(5, 1, 100),
  /** `off` runs the API without the in-process job worker (another process runs it). */
  GRADESHEET_WORKER: z.enum(['on', 'off']).default('on'),
});

export type NodeConfig = z.infer<typeof nodeConfigSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const result = nodeConfigSchema.safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new GradesheetError('invalid_request', `The configuration in the environment is not valid: ${issues}.`);
  }
  return result.data;
}
