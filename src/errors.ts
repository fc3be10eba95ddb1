/**
 * The one error type of Gradesheet. `code` is stable (scripts and the HTTP API
 * rely on it); `message` names the file and says what the user can do.
 */
export const errorCodes = {
  file_too_large: 413,
  unsupported_format: 415,
  encrypted_file: 422,
  corrupt_file: 422,
  zip_bomb: 422,
  too_many_entries: 422,
  xml_entity_declaration: 422,
  missing_main_part: 422,
  no_slides: 422,
  no_text_layer: 422,
  empty_document: 422,
  too_many_pages: 422,
  invalid_rubric: 400,
  invalid_request: 400,
  reason_required: 400,
  too_many_files: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  already_submitted: 409,
  sheet_not_ready: 409,
  sheet_confirmed: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class GradesheetError extends Error {
  override readonly name = 'GradesheetError';
  readonly code: ErrorCode;
  readonly status: number;
  /** The file the error is about, when there is one. */
  readonly file: string | undefined;

  constructor(code: ErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = errorCodes[code];
    this.file = options.file;
  }

  toJSON(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function isGradesheetError(e: unknown): e is GradesheetError {
  return e instanceof GradesheetError;
}
