import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'
import { abortableSleep } from '../lib/abortable-sleep.ts'

/** Longest delay: a run that must wait longer should wait for a schedule or an approval instead. */
export const MAX_DELAY_MS = 3_600_000

/**
 * `flow.delay`: waits, then passes on. Stops at once when the run is cancelled or times out
 * (`ctx.signal`), failing with `CANCELLED`.
 */
export const flowDelay = defineNode({
  type: 'flow.delay',
  version: 1,
  category: 'flow',
  title: 'Delay',
  description: 'Waits for a while (up to one hour) before continuing.',
  icon: 'timer',
  params: z.object({
    ms: z
      .number()
      .int()
      .min(0)
      .max(MAX_DELAY_MS, 'at most one hour (3600000 ms)')
      .describe('Milliseconds to wait'),
  }),
  output: z.object({ waitedMs: z.number() }),
  async run({ params, ctx }) {
    const started = ctx.now()
    await abortableSleep(params.ms, ctx.signal, 'the delay')
    return { output: { waitedMs: Math.max(0, ctx.now() - started) } }
  },
})
