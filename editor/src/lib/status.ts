/**
 * The statuses of runs, steps, approvals and cases (and alert severities), and how each is shown
 * (colour tone, live or settled).
 */

export type Tone = 'success' | 'danger' | 'warning' | 'info' | 'muted'

const TONES: Record<string, Tone> = {
  succeeded: 'success',
  approved: 'success',
  published: 'success',
  failed: 'danger',
  rejected: 'danger',
  timed_out: 'danger',
  waiting: 'warning',
  pending: 'warning',
  retrying: 'warning',
  running: 'info',
  queued: 'info',
  simulated: 'info',
  skipped: 'muted',
  cancelled: 'muted',
  draft: 'muted',
  // cases
  new: 'warning',
  acknowledged: 'info',
  contained: 'info',
  resolved: 'success',
  closed: 'muted',
  // alert and case severities
  critical: 'danger',
  high: 'danger',
  medium: 'warning',
  low: 'info',
  informational: 'muted',
}

/** Run statuses that can still change: a page showing one keeps polling. */
export const LIVE_RUN_STATUSES: readonly string[] = ['queued', 'running', 'waiting']

/**
 * The colour tone of a status; unknown statuses are muted rather than an error.
 * @example toneOf('failed') // 'danger'
 */
export function toneOf(status: string): Tone {
  return TONES[status] ?? 'muted'
}

/**
 * Whether a run in this status may still change.
 * @example isLive('running') // true
 */
export function isLive(status: string): boolean {
  return LIVE_RUN_STATUSES.includes(status)
}

/**
 * A status as a label: `timed_out` reads "timed out".
 * @example statusLabel('timed_out') // 'timed out'
 */
export function statusLabel(status: string): string {
  return status.replaceAll('_', ' ')
}
