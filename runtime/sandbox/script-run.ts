import type { SandboxFailure } from './errors.ts'
import type { SandboxLimits } from './limits.ts'
import type { RecentScripts } from './recent-scripts.ts'
import {
  callString,
  classify,
  classifyCompile,
  type ExecOutcome,
  hostFailure,
  NO_LOGS,
  parseTagged,
  settle,
  type Vm,
} from './vm.ts'

/** Runs script-node code, each execution isolated in a runtime of its own (see `createScriptExecutor`). */
export interface ScriptExecutor {
  /** Runs `code` against `scopeJson` (`{input, trigger, nodes, vars, item, run}` as JSON). Synchronous. */
  run(code: string, scopeJson: string): ExecOutcome
  /** One unit of housekeeping (dispose a spent runtime or warm a new one); true if more remains. */
  maintain(): boolean
  /** Runtimes ready for the next executions. */
  readonly warmCount: number
  /** How executions are isolated: a runtime restored from its image, or a fresh runtime each. */
  readonly isolation: 'image' | 'fresh'

  dispose(): void
}

/** The prelude functions a script context keeps handles to. */
export const SCRIPT_FNS = ['run', 'finish'] as const
/** Scope and result used to warm a fresh context (first calls in a new runtime are slower). */
const WARM_SCOPE =
  '{"input":{},"trigger":{},"nodes":{},"vars":{},"run":{"id":"","playbookId":"","mode":"test","startedAt":0}}'
/** Deadline for compiling recent scripts into a fresh context (compiling runs none of their code). */
const PRECOMPILE_MS = 50

/**
 * The function a script's source is compiled into. The scope roots are parameters of an outer
 * function, so the source reaches them only by name (the host sends only the roots it names, see
 * `scriptScopeJsonFor`), and the source is the body of an inner function, where it may declare
 * its own `input` or `run`. Sloppy mode (`this` = globalThis); async only when the source awaits
 * (a plain function's result needs no promise to be driven). All of the wrapper before the source
 * is on its first line, so error lines are the source's own.
 */
export const wrap = (code: string) =>
  `(function (input, trigger, nodes, vars, item, run) { return (${
    /\bawait\b/.test(code) ? 'async ' : ''
  }function () {${code}\n})() })`

/**
 * What both script executors keep around their executions: the sources run since the last
 * housekeeping (noted into `recent` off the hot path), and death after a host-side exception (a
 * broken module, a WASM trap), which becomes a fatal outcome: the module must be discarded.
 */
export class ScriptRuns {
  dead = false
  private readonly ran: string[] = []

  constructor(private readonly recent: RecentScripts) {}

  /** Runs one execution of `code` through `body`. Throws once the executor is dead. */
  run(code: string, body: () => ExecOutcome): ExecOutcome {
    if (this.dead) throw new Error('script executor is dead after a fatal error')
    if (this.ran.length < 16) this.ran.push(code)
    try {
      return body()
    } catch (e) {
      this.dead = true
      return { ok: false, failure: hostFailure(e), logs: NO_LOGS, fatal: true }
    }
  }

  /** Notes the sources run since the last call into the recent scripts. */
  noteRan() {
    for (const code of this.ran.splice(0)) this.recent.note(code)
  }
}

/** Runs the hot-path functions of a fresh context once, so the first real call does not pay for first-use work. */
export function warmUp(vm: Vm) {
  const { ctx } = vm
  const scope = ctx.newString(WARM_SCOPE)
  const sample = ctx.evalCode('(function () { return { a: [1, "x", null], b: { c: true } } })')
  if (!sample.error) ctx.callFunction(vm.fns.run!, ctx.undefined, scope, sample.value).dispose()
  sample.dispose()
  scope.dispose()
}

/**
 * Compiles each source into the fresh context as a function (not called), under a short deadline.
 * A source that does not compile is left to its execution, which reports the error.
 */
export function precompile(vm: Vm, codes: readonly string[]): Vm {
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

/** Runs one script in a prepared context: compiled ahead or now, called once, its result serialized. */
export function execute(vm: Vm, code: string, scopeJson: string, limits: SandboxLimits): ExecOutcome {
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
