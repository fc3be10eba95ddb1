import { GradesheetError } from '../errors.js';

/** A page of rows and the cursor of the next page (null on the last page). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

/** Cursors are opaque to clients: the base64url of the last id of the page. */
export function encodeCursor(lastId: string): string {
  return btoa(lastId).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const id = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    if (/^[a-z]+_[0-9a-z]+$/.test(id)) return id;
  } catch {
    // fall through to the error below
  }
  throw new GradesheetError('invalid_request', 'cursor is not one this service gave out; pass next_cursor from the previous page unchanged.');
}

/** Rows fetched with `limit + 1` → one page. */
export function toPage<T>(rows: T[], limit: number, idOf: (row: T) => string): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, next_cursor: more && items.length > 0 ? encodeCursor(idOf(items[items.length - 1]!)) : null };
}
