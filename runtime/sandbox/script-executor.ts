import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import type { SandboxFailure } from './errors.ts'
import type { SandboxLimits } from './limits.ts'
import { scriptPrelude } from './prelude.ts'
import {
  callString,
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

const NAMES = ['setup', 'serialize', 'describe', 'tick', 'logs'] as const

/** Runs script-node code, one fresh QuickJS runtime per execution, taken from a pre-warmed pool. */
export interface ScriptExecutor {
  /** Runs `code` against `scopeJson` (`{input, trigger, nodes, vars, item, run}` as JSON). Synchronous. */
  run(code: string, scopeJson: string): ExecOutcome
  /** One unit of housekeeping (dispose a spent runtime or warm a new one); true if more remains. */
  maintain(): boolean
  /** Runtimes ready for the next executions. */
  readonly warmCount: number
  dispose(): void
}

/**
 * Creates the script executor over an already-loaded QuickJS module. Isolation: every execution
 * gets its own runtime and context, used once and disposed; `maintain` moves that cost off the
 * hot path. After a `fatal` outcome the module must be discarded.
 * @example const exec = createScriptExecutor(module, resolveLimits(), () => performance.now())
 */
export function createScriptExecutor(
  module: QuickJSWASMModule,
  limits: SandboxLimits,
  now: () => number,
  warmTarget = 2,
): ScriptExecutor {
  const prelude = scriptPrelude(limits)
  const open = () => openVm(module, limits, prelude, NAMES, now)
  const warm: Vm[] = []
  const spent: Vm[] = []
  let dead = false
  return {
    run(code, scopeJson) {
      if (dead) throw new Error('script executor is dead after a fatal error')
      let vm: Vm | undefined
      try {
        vm = warm.pop() ?? open()
        spent.push(vm)
        return execute(vm, code, scopeJson, limits)
      } catch (e) {
        dead = true
        return { ok: false, failure: hostFailure(e), logs: NO_LOGS, fatal: true }
      }
    },
    maintain() {
      if (dead) return false
      const vm = spent.pop()
      if (vm) vm.dispose()
      else if (warm.length < warmTarget) warm.push(open())
      return spent.length > 0 || warm.length < warmTarget
    },
    get warmCount() {
      return warm.length
    },
    dispose() {
      if (dead) return
      for (const vm of [...warm, ...spent]) vm.dispose()
      warm.length = 0
      spent.length = 0
    },
  }
}

function execute(vm: Vm, code: string, scopeJson: string, limits: SandboxLimits): ExecOutcome {
  const { ctx } = vm
  const ms = limits.timeoutMs
  vm.deadline = vm.now() + ms
  const fail = (failure: SandboxFailure): ExecOutcome => ({
    ok: false,
    failure,
    logs: readLogs(vm),
  })
  const scope = ctx.newString(scopeJson)
  const set = callString(vm, 'setup', [scope])
  scope.dispose()
  if (set.error !== undefined) return fail(classify(vm, set.error, ms, 'script'))
  const compiled = ctx.evalCode(`(async function () {${code}\n})`, 'script.js')
  if (compiled.error) return fail(classifyCompile(vm, compiled.error, ms, 'script'))
  const called = ctx.callFunction(compiled.value, ctx.undefined)
  compiled.value.dispose()
  if (called.error) return fail(classify(vm, called.error, ms, 'script'))
  const settled = settle(vm, called.value, true)
  called.value.dispose()
  if ('never' in settled)
    return fail({ code: 'SCRIPT_TIMEOUT', message: 'the script awaits a promise that can never settle' })
  if ('error' in settled) return fail(classify(vm, settled.error, ms, 'script'))
  const out = serializeResult(vm, settled.value, limits, 'script', ms)
  settled.value.dispose()
  if (out.failure) return fail(out.failure)
  return { ok: true, json: out.json, logs: readLogs(vm) }
}

function readLogs(vm: Vm): string {
  vm.deadline = vm.now() + 25
  const r = callString(vm, 'logs', [])
  if (r.error === undefined) return r.value
  r.error.dispose()
  return NO_LOGS
}
