/** Stable codes of store errors; routes map them to HTTP statuses. */
export type StoreErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE' | 'INVALID_CURSOR'

/** A store operation refused for a reason the caller can act on (not a bug). */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}
