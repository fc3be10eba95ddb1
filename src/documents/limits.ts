/** Limits applied to every uploaded file before and while it is read. */
export interface Limits {
  /** Largest accepted file, in bytes. */
  maxFileBytes: number;
  /** Most entries a zip (DOCX, PPTX) may list in its central directory. */
  maxZipEntries: number;
  /** Most bytes one zip part may inflate to (counted while inflating, not taken from the header). */
  maxPartBytes: number;
  /** Most bytes all parts read from one zip may inflate to together. */
  maxInflatedBytes: number;
  /** Most pages read from a PDF. */
  maxPdfPages: number;
  /** Most slides read from a deck. */
  maxSlides: number;
}

export const defaultLimits: Limits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxZipEntries: 5_000,
  maxPartBytes: 48 * 1024 * 1024,
  maxInflatedBytes: 96 * 1024 * 1024,
  maxPdfPages: 300,
  maxSlides: 500,
};
