/** The longest wait between two attempts, whatever the server asks for. */
export const MAX_RETRY_WAIT_MS = 60_000

/**
 * How long to wait before the next attempt: the server's `Retry-After` (seconds or an HTTP date)
 * when it sent one, else exponential backoff from one second; never more than 60 s.
 * @example retryDelayMs('120', 0, now) // 60000 (capped)
 * @example retryDelayMs(undefined, 2, now) // 4000
 */
export function retryDelayMs(retryAfter: string | undefined, attempt: number, now: number): number {
  const backoff = Math.min(MAX_RETRY_WAIT_MS, 1_000 * 2 ** attempt)
  const value = retryAfter?.trim()
  if (!value) return backoff
  if (/^\d+$/.test(value)) return Math.min(MAX_RETRY_WAIT_MS, Number(value) * 1_000)
  const date = Date.parse(value)
  if (Number.isNaN(date)) return backoff
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, date - now))
}
