import { workerData } from 'node:worker_threads'
import { createExpressionExecutor } from '../../runtime/sandbox/expression-executor.ts'
import { createScriptExecutor } from '../../runtime/sandbox/script-executor.ts'
import type { PoolWorkerConfig } from './protocol.ts'
import { openLinkWorker } from './serve-link.ts'

/**
 * A sandbox pool worker thread: scripts and expressions, one job at a time over its link (see
 * `openLinkWorker`). Scripts run on a QuickJS module of their own, whose one runtime is written back
 * from its memory image after every execution (fresh runtimes if the image cannot be verified).
 * Housekeeping (writing the image back, a new image when the recent scripts change) runs while no
 * job waits. The supervisor kills this thread if a job outlives its deadline.
 */
const config = workerData as PoolWorkerConfig
const { module, newModule, clock, serve } = await openLinkWorker(config)

/**
 * True when `code` parses on its own as the body of an async function (V8's `Function` constructor
 * parses the body separately and rejects one that closes its function early). The function is
 * never called.
 */
const AsyncFunction = (async () => {}).constructor as new (body: string) => unknown
const isPlainBody = (code: string) => {
  try {
    new AsyncFunction(code)
    return true
  } catch {
    return false
  }
}
const scriptModule = await newModule()
const scripts = createScriptExecutor(scriptModule.module, config.limits, clock.now, {
  warm: config.warm,
  isPlainBody,
  image: scriptModule.heap && { memory: scriptModule.memory, heap: scriptModule.heap },
})
const expressions = createExpressionExecutor(module, config.limits, clock.now)

while (scripts.maintain()) {}
expressions.evaluate('0', '{}')
serve({
  run: (kind, code, scope) =>
    kind === 'script' ? scripts.run(code, scope) : expressions.evaluate(code, scope),
  maintain: () => scripts.maintain(),
  isolation: scripts.isolation,
})
