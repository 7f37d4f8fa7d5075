import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'

/**
 * `script.javascript`: runs the analyst's JavaScript in the QuickJS sandbox (`ctx.scripts`). The
 * code sees `input` (the node's named inputs), `trigger`, `nodes`, `vars`, `item` and `run` as JSON
 * copies and returns any JSON value, sync or async. Console lines go to the trace.
 */
export const javascriptNode = defineNode({
  type: 'script.javascript',
  version: 1,
  category: 'script',
  title: 'JavaScript',
  description: 'Reshape data with a short script, run in an isolated sandbox with hard limits.',
  icon: 'code',
  params: z.object({ code: z.string().min(1), input: z.record(z.string(), z.unknown()).default({}) }),
  output: z.unknown(),
  async run({ params, ctx }) {
    if (!ctx.scripts)
      throw new NodeError('SCRIPT_UNAVAILABLE', 'no script sandbox is configured', { retryable: false })
    try {
      const { value, logs } = await ctx.scripts.run(
        params.code,
        { ...ctx.scope, input: params.input },
        { signal: ctx.signal },
      )
      forward(ctx.log, logs)
      return { output: value }
    } catch (e) {
      const logs = (e as { logs?: { level: string; message: string }[] }).logs
      if (logs) forward(ctx.log, logs)
      throw e
    }
  },
})

function forward(
  log: { log(level: 'debug' | 'info' | 'warn' | 'error', message: string): void },
  logs: { level: string; message: string }[],
) {
  for (const l of logs) {
    const level = l.level === 'debug' || l.level === 'warn' || l.level === 'error' ? l.level : 'info'
    log.log(level, l.message)
  }
}
