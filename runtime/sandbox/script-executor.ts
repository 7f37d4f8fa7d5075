import type { QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core'
import type { SandboxFailure } from './errors.ts'
import type { SandboxLimits } from './limits.ts'
import { consoleSource, SCRIPT_DESCRIBE_SOURCE, scriptPrelude, TIMERS_SOURCE } from './prelude.ts'
import { RecentScripts } from './recent-scripts.ts'
import { STDLIB_SOURCE } from './stdlib.ts'
import {
  callString,
  classify,
  classifyCompile,
  type ExecOutcome,
  hostFailure,
  NO_LOGS,
  openVm,
  parseTagged,
  settle,
  type Vm,
} from './vm.ts'

const NAMES = ['run', 'finish'] as const
/** Scope and result used to warm a fresh context (first calls in a new runtime are slower). */
const WARM_SCOPE =
  '{"input":{},"trigger":{},"nodes":{},"vars":{},"run":{"id":"","playbookId":"","mode":"test","startedAt":0}}'
/** Deadline for compiling recent scripts into a fresh context (compiling runs none of their code). */
const PRECOMPILE_MS = 50

/** Options of the script executor. */
export interface ScriptExecutorOptions {
  /** Fresh runtimes kept ready. Default 2. */
  warm?: number
  /** Recent scripts compiled into each fresh runtime ahead of their next execution. Default 3. */
  precompile?: number
  /**
   * Says whether a source is a single function body (it cannot close the function it is wrapped
   * in). Without it nothing is compiled ahead. The Node host uses V8's `Function` constructor, which
   * parses the body on its own and never runs it.
   */
  isPlainBody?: (code: string) => boolean
}

/**
 * The function a script's source is compiled into. The scope roots are parameters of an outer
 * function, so the source reaches them only by name (the host sends only the roots it names, see
 * `scriptScopeJsonFor`), and the source is the body of an inner function, where it may declare
 * its own `input` or `run`. Sloppy mode (`this` = globalThis); async only when the source awaits
 * (a plain function's result needs no promise to be driven). All of the wrapper before the source
 * is on its first line, so error lines are the source's own.
 */
const wrap = (code: string) =>
  `(function (input, trigger, nodes, vars, item, run) { return (${
    /\bawait\b/.test(code) ? 'async ' : ''
  }function () {${code}\n})() })`

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
 * gets its own runtime and context, used once and disposed; `maintain` moves that cost (about
 * 0.3 ms) off the hot path, and compiles the most recent scripts into each fresh context, so their
 * next execution only calls them. After a `fatal` outcome the module must be discarded.
 * @example const exec = createScriptExecutor(module, resolveLimits(), () => performance.now())
 */
export function createScriptExecutor(
  module: QuickJSWASMModule,
  limits: SandboxLimits,
  now: () => number,
  options: ScriptExecutorOptions = {},
): ScriptExecutor {
  const warmTarget = options.warm ?? 2
  const prelude = scriptPrelude(limits)
  const consoleCode = consoleSource(limits)
  const recent = new RecentScripts(options.precompile ?? 3, options.isPlainBody)
  const open = () => prepare(openVm(module, limits, prelude, NAMES, now), consoleCode)
  const warm: Vm[] = []
  const spent: Vm[] = []
  /** Sources run since the last housekeeping (checked and noted off the hot path). */
  const ran: string[] = []
  let dead = false
  return {
    run(code, scopeJson) {
      if (dead) throw new Error('script executor is dead after a fatal error')
      let vm: Vm | undefined
      try {
        vm = warm.pop() ?? open()
        spent.push(vm)
        if (ran.length < 16) ran.push(code)
        return execute(vm, code, scopeJson, limits)
      } catch (e) {
        dead = true
        return { ok: false, failure: hostFailure(e), logs: NO_LOGS, fatal: true }
      }
    },
    maintain() {
      if (dead) return false
      for (const code of ran.splice(0)) recent.note(code)
      const vm = spent.pop()
      if (vm) vm.dispose()
      else if (warm.length < warmTarget) warm.push(precompile(open(), recent.list()))
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

/**
 * Installs `console`, `setTimeout`/`clearTimeout` and `lib` as getters that compile their source on
 * first use (compiling them for every context would triple the preparation cost), then runs the
 * hot-path functions once so the first real call does not pay for first-use work in the runtime.
 */
function prepare(vm: Vm, consoleCode: string): Vm {
  const { ctx } = vm
  vm.lazy = { describe: SCRIPT_DESCRIBE_SOURCE }
  lazyGlobals(vm, ['console'], consoleCode, 'console.js', (api) => {
    vm.fns.logs = ctx.getProp(api, 'logs')
  })
  lazyGlobals(vm, ['setTimeout', 'clearTimeout'], TIMERS_SOURCE, 'timers.js', (api) => {
    vm.fns.tick = ctx.getProp(api, 'tick')
  })
  lazyGlobals(vm, ['lib'], `({ lib: ${STDLIB_SOURCE} })`, 'lib.js')
  const scope = ctx.newString(WARM_SCOPE)
  const sample = ctx.evalCode('(function () { return { a: [1, "x", null], b: { c: true } } })')
  if (!sample.error) ctx.callFunction(vm.fns.run!, ctx.undefined, scope, sample.value).dispose()
  sample.dispose()
  scope.dispose()
  return vm
}

/**
 * Compiles each source into the fresh context as a function (not called), under a short deadline.
 * A source that does not compile is left to its execution, which reports the error.
 */
function precompile(vm: Vm, codes: readonly string[]): Vm {
  if (codes.length === 0) return vm
  vm.compiled = new Map()
  vm.deadline = vm.now() + PRECOMPILE_MS
  for (const code of codes) {
    const r = vm.ctx.evalCode(wrap(code), 'script.js')
    if (r.error) {
      r.error.dispose()
      continue
    }
    vm.own.push(r.value)
    vm.compiled.set(code, r.value)
  }
  vm.deadline = Number.POSITIVE_INFINITY
  return vm
}

/**
 * Defines `names` on the global object as accessors whose getter (a host function) evaluates
 * `source` once (an object holding a value for each name), replaces the accessors with plain
 * values and returns the value.
 * A failure (interrupted, out of memory, a tampered intrinsic) is thrown inside the sandbox.
 */
function lazyGlobals(
  vm: Vm,
  names: string[],
  source: string,
  file: string,
  loaded?: (api: QuickJSHandle) => void,
) {
  const { ctx } = vm
  let api: QuickJSHandle | undefined
  for (const name of names) {
    ctx.defineProp(ctx.global, name, {
      configurable: true,
      get: () => {
        if (!api) {
          const r = ctx.evalCode(source, file)
          if (r.error) return r as never
          api = r.value
          vm.own.push(api)
          loaded?.(api)
          for (const n of names) {
            const value = ctx.getProp(api, n)
            ctx.defineProp(ctx.global, n, { value, configurable: true })
            value.dispose()
          }
        }
        return ctx.getProp(api, name)
      },
    })
  }
}

function execute(vm: Vm, code: string, scopeJson: string, limits: SandboxLimits): ExecOutcome {
  const { ctx } = vm
  const ms = limits.timeoutMs
  vm.deadline = vm.now() + ms
  const fail = (failure: SandboxFailure): ExecOutcome => ({ ok: false, failure, logs: readLogs(vm) })
  // Compiled ahead, or now.
  let fn = vm.compiled?.get(code)
  if (!fn) {
    const compiled = ctx.evalCode(wrap(code), 'script.js')
    if (compiled.error) return fail(classifyCompile(vm, compiled.error, ms, 'script'))
    fn = compiled.value
    vm.own.push(fn)
  }
  // One call installs the scope, runs the script and serializes a plain result.
  const scope = ctx.newString(scopeJson)
  const ran = ctx.callFunction(vm.fns.run!, ctx.undefined, scope, fn)
  scope.dispose()
  if (ran.error) return fail(classify(vm, ran.error, ms, 'script'))
  let tagged: string
  if (ctx.typeof(ran.value) === 'string') {
    tagged = ctx.getString(ran.value)
    ran.value.dispose()
  } else {
    const settled = settle(vm, ran.value, true)
    ran.value.dispose()
    if ('never' in settled)
      return fail({ code: 'SCRIPT_TIMEOUT', message: 'the script awaits a promise that can never settle' })
    if ('error' in settled) return fail(classify(vm, settled.error, ms, 'script'))
    const done = callString(vm, 'finish', [settled.value])
    settled.value.dispose()
    if (done.error !== undefined) return fail(classify(vm, done.error, ms, 'script'))
    tagged = done.value
  }
  const logs = readLogs(vm)
  const out = parseTagged(tagged, limits)
  return out.failure ? { ok: false, failure: out.failure, logs } : { ok: true, json: out.json, logs }
}

function readLogs(vm: Vm): string {
  if (!vm.fns.logs) return NO_LOGS
  vm.deadline = vm.now() + 25
  const r = callString(vm, 'logs', [])
  if (r.error === undefined) return r.value || NO_LOGS
  r.error.dispose()
  return NO_LOGS
}
