import { Cron } from 'croner'
import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'

function cronProblem(cron: string, timezone: string): string | undefined {
  try {
    new Cron(cron, { timezone, paused: true }).stop()
    return undefined
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

function isTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/**
 * The next `n` times a cron expression fires after `from`, in a time zone (IANA name).
 * @example nextRuns('0 9 * * 1-5', 'Europe/Berlin', new Date('2026-01-15T10:00:00Z'), 2)
 */
export function nextRuns(cron: string, timezone: string, from: Date, n: number): Date[] {
  const job = new Cron(cron, { timezone, paused: true })
  try {
    return job.nextRuns(n, from)
  } finally {
    job.stop()
  }
}

const paramsSchema = z
  .object({
    cron: z
      .string()
      .trim()
      .min(1, 'a cron expression is required')
      .max(200)
      .describe('Cron expression: minute hour day-of-month month day-of-week (optional leading seconds)'),
    timezone: z.string().default('UTC').describe('IANA time zone, e.g. Europe/Berlin'),
  })
  .superRefine((p, issue) => {
    if (!isTimezone(p.timezone)) {
      issue.addIssue({ code: 'custom', path: ['timezone'], message: `unknown time zone "${p.timezone}"` })
      return
    }
    const problem = cronProblem(p.cron, p.timezone)
    if (problem)
      issue.addIssue({
        code: 'custom',
        path: ['cron'],
        message: `invalid cron expression "${p.cron}": ${problem}`,
      })
  })

/**
 * `trigger.schedule`: starts the playbook on a cron schedule (parsed by croner). The server's
 * scheduler fires the run with `{ scheduledAt, firedAt }`; when it gives none (a manual test run),
 * both are the run's start time.
 */
export const triggerSchedule = defineNode({
  type: 'trigger.schedule',
  version: 1,
  category: 'trigger',
  title: 'Schedule',
  description: 'Starts the playbook on a cron schedule in a time zone.',
  icon: 'clock',
  params: paramsSchema,
  output: z.object({ scheduledAt: z.string(), firedAt: z.string() }),
  run({ ctx }) {
    const t = (ctx.trigger ?? {}) as { scheduledAt?: unknown; firedAt?: unknown }
    const nowIso = new Date(ctx.now()).toISOString()
    const iso = (v: unknown) =>
      (typeof v === 'string' || typeof v === 'number') && Number.isFinite(new Date(v).getTime())
        ? new Date(v).toISOString()
        : undefined
    const firedAt = iso(t.firedAt) ?? nowIso
    return { output: { scheduledAt: iso(t.scheduledAt) ?? firedAt, firedAt } }
  },
})
