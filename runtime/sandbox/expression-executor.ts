import type { QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core'
import type { SandboxLimits } from './limits.ts'
import { expressionPrelude } from './prelude.ts'
import {
  classify,
  classifyCompile,
  type ExecOutcome,
  hostFailure,
  NO_LOGS,
  openVm,
  serializeResult,
  settle,
  type Vm,
} from './vm.ts'

const NAMES = ['call', 'serialize', 'describe'] as const
const CACHE_LIMIT = 1000
const PARAMS = 'trigger, nodes, vars, item, run'

/** Evaluates `{{ }}` expressions in one long-lived context whose intrinsics are frozen. */
export interface ExpressionExecutor {
  /** Evaluates `source` (the text between the braces) against `scopeJson`. Synchronous. */
  evaluate(source: string, scopeJson: string): ExecOutcome
  /** Distinct expressions compiled and cached. */
  readonly cached: number
  dispose(): void
}

/**
 * Creates the expression executor. Each distinct expression is compiled once into a strict
 * function of the scope roots and cached. Isolation comes from the frozen realm: an expression
 * cannot write a global, a prototype or a shared binding, and each call gets a fresh copy of the
 * scope. An expression is checked to be one expression (no `)` or `]` that closes our wrapper).
 * @example createExpressionExecutor(module, limits, now).evaluate('trigger.n > 3', '{"trigger":{"n":5}}')
 */
export function createExpressionExecutor(
  module: QuickJSWASMModule,
  limits: SandboxLimits,
  now: () => number,
): ExpressionExecutor {
  let vm: Vm | undefined
  let dead = false
  const cache = new Map<string, QuickJSHandle>()
  const ms = limits.expressionTimeoutMs
  const fail = (failure: Extract<ExecOutcome, { ok: false }>['failure']): ExecOutcome => ({
    ok: false,
    failure,
    logs: NO_LOGS,
  })

  const compile = (v: Vm, source: string): QuickJSHandle | ExecOutcome => {
    const hit = cache.get(source)
    if (hit) return hit
    if (source.length > limits.maxExpressionLength)
      return fail({
        code: 'SCRIPT_SYNTAX',
        message: `expression longer than ${limits.maxExpressionLength} characters`,
      })
    const check = v.ctx.evalCode(`[${source}\n]`, 'expression.js', { strict: true, compileOnly: true })
    if (check.error) return fail(classifyCompile(v, check.error, ms, 'expression'))
    check.value.dispose()
    const fn = v.ctx.evalCode(`(function (${PARAMS}) { return (${source}\n) })`, 'expression.js', {
      strict: true,
    })
    if (fn.error) return fail(classifyCompile(v, fn.error, ms, 'expression'))
    if (cache.size >= CACHE_LIMIT) {
      const [oldest, handle] = cache.entries().next().value as [string, QuickJSHandle]
      handle.dispose()
      cache.delete(oldest)
    }
    cache.set(source, fn.value)
    return fn.value
  }

  const evaluate = (v: Vm, source: string, scopeJson: string): ExecOutcome => {
    v.deadline = v.now() + ms
    const fn = compile(v, source)
    if ('ok' in fn) return fn
    const { ctx } = v
    const scope = ctx.newString(scopeJson)
    const called = ctx.callFunction(v.fns.call!, ctx.undefined, fn, scope)
    scope.dispose()
    if (called.error) return fail(classify(v, called.error, ms, 'expression'))
    const settled = settle(v, called.value, false)
    called.value.dispose()
    if ('never' in settled)
      return fail({
        code: 'SCRIPT_TIMEOUT',
        message: 'the expression awaits a promise that can never settle',
      })
    if ('error' in settled) return fail(classify(v, settled.error, ms, 'expression'))
    const out = serializeResult(v, settled.value, limits, 'expression', ms)
    settled.value.dispose()
    drain(v)
    return out.failure ? fail(out.failure) : { ok: true, json: out.json, logs: NO_LOGS }
  }

  return {
    evaluate(source, scopeJson) {
      if (dead) throw new Error('expression executor is dead after a fatal error')
      try {
        vm ??= openVm(module, limits, expressionPrelude(limits), NAMES, now)
        return evaluate(vm, source, scopeJson)
      } catch (e) {
        dead = true
        return { ok: false, failure: hostFailure(e), logs: NO_LOGS, fatal: true }
      }
    },
    get cached() {
      return cache.size
    },
    dispose() {
      if (dead || !vm) return
      for (const h of cache.values()) h.dispose()
      cache.clear()
      vm.dispose()
      vm = undefined
    },
  }
}

/** Runs jobs an expression left queued, under its own deadline, so they never run in the next call. */
function drain(v: Vm) {
  if (!v.rt.hasPendingJob()) return
  const r = v.rt.executePendingJobs()
  if (r.error) r.error.dispose()
}
