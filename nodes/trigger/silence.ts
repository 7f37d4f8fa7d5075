import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'

/** Longest silence watched: 7 days. */
export const MAX_SILENCE_MINUTES = 10_080

const paramsSchema = z.object({
  source: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Alert source to watch: splunk, elastic, wazuh, sentinel, ecs, generic or unknown'),
  host: z.string().trim().min(1).max(300).optional().describe('Only alerts about this host'),
  rule: z.string().trim().min(1).max(300).optional().describe('Only alerts of this rule id'),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(MAX_SILENCE_MINUTES)
    .describe('Fires when no such alert arrived for this many minutes'),
})

export type SilenceParams = z.infer<typeof paramsSchema>

const outputSchema = z.object({
  source: z.string(),
  host: z.string().optional(),
  rule: z.string().optional(),
  minutes: z.number(),
  /** The last matching alert's arrival, or when watching began if none arrived since. */
  silentSince: z.string(),
  /** Null when no matching alert was ever received. */
  lastAlertAt: z.string().nullable(),
  firedAt: z.string(),
})

/**
 * `trigger.silence`: starts the playbook when a source falls silent, i.e. no alert with the given
 * source key (source, and optionally host and rule id) reached any playbook for `minutes`. The
 * server's watcher fires once per silence and again after the source recovers and falls silent
 * again; it passes the fields of the output. A manual test run without them gets its own params and
 * the run's start time.
 */
export const triggerSilence = defineNode({
  type: 'trigger.silence',
  version: 1,
  category: 'trigger',
  title: 'Silent source',
  description: 'Starts the playbook when no alert from a source arrived for some minutes.',
  icon: 'bell-off',
  params: paramsSchema,
  output: outputSchema,
  run({ params, ctx }) {
    const nowIso = new Date(ctx.now()).toISOString()
    const given = outputSchema.partial().safeParse(ctx.trigger ?? {})
    const t = given.success ? given.data : {}
    return {
      output: {
        source: params.source,
        ...(params.host ? { host: params.host } : {}),
        ...(params.rule ? { rule: params.rule } : {}),
        minutes: params.minutes,
        silentSince: t.silentSince ?? nowIso,
        lastAlertAt: t.lastAlertAt ?? null,
        firedAt: t.firedAt ?? nowIso,
      },
    }
  },
})
