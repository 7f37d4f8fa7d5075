/**
 * How the editor writes durations and moments: short, readable, and never "NaN" on bad input.
 */

/**
 * A duration in milliseconds as people read it.
 * @example formatDuration(850) // '850 ms'
 * @example formatDuration(95_000) // '1 min 35 s'
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 60) return `${totalSeconds} s`
  const days = Math.floor(totalSeconds / 86_400)
  if (days > 0) {
    const restHours = Math.floor((totalSeconds % 86_400) / 3600)
    return restHours > 0 ? `${days} d ${restHours} h` : `${days} d`
  }
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`
}

/**
 * The time between two moments, or from `start` to `now` while still going.
 * @example elapsed(1000, 4000) // 3000
 */
export function elapsed(
  start: number | null | undefined,
  end: number | null | undefined,
  now = Date.now(),
): number | undefined {
  if (start === null || start === undefined) return undefined
  return Math.max(0, (end ?? now) - start)
}

/**
 * An epoch-millisecond moment in the reader's locale, down to the second.
 * @example formatDateTime(0) // '1/1/1970, 00:00:00' (locale-dependent)
 */
export function formatDateTime(at: number | null | undefined): string {
  if (at === null || at === undefined || !Number.isFinite(at)) return '—'
  return new Date(at).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
}

/**
 * How long ago a moment was, in the largest whole unit.
 * @example formatAgo(now - 90_000, now) // '1 min ago'
 */
export function formatAgo(at: number | null | undefined, now = Date.now()): string {
  if (at === null || at === undefined || !Number.isFinite(at)) return '—'
  const s = Math.round((now - at) / 1000)
  if (s < 5) return 'just now'
  if (s < 60) return `${s} s ago`
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`
  return `${Math.floor(s / 86_400)} d ago`
}
