import type { ExpressionEvaluator, ScriptRunner } from '../../runtime/node-type.ts'
import { createSandbox, type Sandbox, type SandboxOptions } from './index.ts'

/** A sandbox that starts its workers on first use: runs that need no script or full expression pay nothing. */
export interface LazySandbox extends ExpressionEvaluator, ScriptRunner {
  /** True once a script or expression has started the workers. */
  readonly started: boolean
  close(): Promise<void>
}

/**
 * Wraps `createSandbox` so the worker pool starts only when the first script or full expression runs.
 * @example const sandbox = lazySandbox(); createEngine({ registry, evaluator: sandbox, scripts: sandbox })
 */
export function lazySandbox(options: SandboxOptions = {}): LazySandbox {
  let pending: Promise<Sandbox> | undefined
  const get = () => {
    pending ??= createSandbox(options)
    return pending
  }
  return {
    get started() {
      return pending !== undefined
    },
    evaluate: async (expression, scope, signal) => (await get()).evaluate(expression, scope, signal),
    run: async (code, scope, opts) => (await get()).run(code, scope, opts),
    close: async () => {
      if (pending) await (await pending).close()
    },
  }
}
