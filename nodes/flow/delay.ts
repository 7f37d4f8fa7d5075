import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'

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
    await sleep(params.ms, ctx.signal)
    return { output: { waitedMs: Math.max(0, ctx.now() - started) } }
  },
})

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () =>
      new NodeError('CANCELLED', 'the delay was cancelled', { retryable: false, cause: signal.reason })
    if (signal.aborted) return reject(cancelled())
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelled())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
