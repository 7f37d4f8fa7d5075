import { Cron } from 'croner'

/**
 * A cron pattern in a timezone, parsed once. Throws on a bad pattern or timezone, so callers can
 * report it when a schedule is saved.
 * @example parseCron('0 * * * *', 'Europe/Paris')
 */
export function parseCron(pattern: string, timezone?: string): Cron {
  const cron = new Cron(pattern, { paused: true, ...(timezone ? { timezone } : {}) })
  cron.nextRun() // a bad timezone only throws when a date is computed
  return cron
}

/**
 * The cron's slots (epoch ms) with `from < slot <= to`, ascending, at most `cap` of them (the latest
 * ones when there are more).
 * @example slotsBetween(parseCron('0 * * * *'), Date.parse('2024-01-01T10:30Z'), Date.parse('2024-01-01T12:00Z'))
 * // [11:00, 12:00] as epoch ms
 */
export function slotsBetween(cron: Cron, from: number, to: number, cap = 1000): number[] {
  const out: number[] = []
  let next = cron.nextRun(new Date(from))
  while (next && next.getTime() <= to) {
    out.push(next.getTime())
    if (out.length > cap) out.shift()
    next = cron.nextRun(next)
  }
  return out
}
