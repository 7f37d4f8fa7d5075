import { StoreError } from './errors.ts'

/**
 * Opaque page cursors over a `(time, id)` key: base64url JSON, so clients never parse or build them
 * and the key can change without breaking the API.
 * @example decodeCursor(encodeCursor([1700000000000, 'r-1'])) // [1700000000000, 'r-1']
 */
export function encodeCursor(key: [number, string]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

/** Reads a cursor made by `encodeCursor`; anything else is `INVALID_CURSOR`. */
export function decodeCursor(cursor: string): [number, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && typeof v[1] === 'string')
      return [v[0], v[1]]
  } catch {
    // falls through
  }
  throw new StoreError('INVALID_CURSOR', 'the cursor is not one this server issued')
}

/** One page of a list and the cursor of the next one (absent on the last page). */
export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/** Clamps a requested page size to 1..max (default `def`). */
export function pageSize(limit: number | undefined, def = 50, max = 500): number {
  if (limit === undefined || !Number.isFinite(limit)) return def
  return Math.max(1, Math.min(max, Math.floor(limit)))
}
