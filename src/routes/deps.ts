import type { Document } from '../documents/model.js';
import type { UploadedFile } from '../documents/parse.js';
import type { BlobStore } from '../store/blob-store.js';
import type { Db, SqlFlavor } from '../store/schema.js';

/** Limits and addresses the service runs with (the Node entry reads them from the environment). */
export interface ServiceConfig {
  /** Base of the links handed to candidates (e.g. https://grades.example.com); default: the request's origin. */
  publicUrl?: string | undefined;
  /** Files one submission may hold. */
  maxFilesPerSubmission: number;
  /** Largest upload request body, in bytes; bigger bodies get 413 before they are read. */
  maxUploadBytes: number;
  /** Largest single file, in bytes, as the parser enforces it (default: the parser's limit; the Workers build sets it lower). */
  maxFileBytes?: number | undefined;
  /** The LLM assist's model when one is configured (shown by the settings route). */
  assistModel?: string | undefined;
}

export const defaultServiceConfig: ServiceConfig = {
  maxFilesPerSubmission: 10,
  // Two files at the parser's 25 MB limit, plus multipart overhead.
  maxUploadBytes: 51 * 1024 * 1024,
};

/** The environment settings both entries read (their zod schemas differ only in defaults and bounds). */
export interface ServiceEnvSettings {
  PUBLIC_URL?: string | undefined;
  MAX_FILES_PER_SUBMISSION: number;
  MAX_UPLOAD_MB: number;
}

/** The service config from the environment settings, one mapping for the Node and Workers entries. */
export function serviceConfigFrom(env: ServiceEnvSettings, extra: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    ...defaultServiceConfig,
    publicUrl: env.PUBLIC_URL,
    maxFilesPerSubmission: env.MAX_FILES_PER_SUBMISSION,
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    ...extra,
  };
}

/** What the core needs from its runtime: the Node and Workers entries provide it. */
export interface ServiceDeps {
  /** A migrated database (Kysely) and the SQL it speaks. */
  db: Db;
  flavor: SqlFlavor;
  /** Where originals are kept. */
  blobs: BlobStore;
  /** The clock: every timestamp comes from here. */
  now: () => Date;
  config: ServiceConfig;
  /** Called after a job is queued (the Node server wakes its worker). */
  onJobQueued?: () => void;
  /**
   * Parses an upload (parseDocument's contract: a Document or a GradesheetError). The Node build
   * runs it on worker threads; absent, uploads are parsed in this thread.
   */
  parse?: (upload: UploadedFile) => Promise<Document>;
  /**
   * Resolves once every commit made so far survives a power loss. The app awaits it before any
   * response leaves (the Node SQLite build fsyncs its WAL here, one fsync for all the commits
   * waiting); absent, each commit is durable by itself.
   */
  durable?: () => Promise<void>;
}
