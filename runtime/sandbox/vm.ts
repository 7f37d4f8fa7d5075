import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core'
import type { SandboxFailure } from './errors.ts'
import type { SandboxLimits } from './limits.ts'

/** The result of one execution as it crosses the worker boundary: JSON text, never live values. */
export type ExecOutcome =
  | { ok: true; json: string; logs: string }
  | { ok: false; failure: SandboxFailure; logs: string; fatal?: boolean }

/** A QuickJS runtime + context with its prelude functions and a movable deadline. */
export interface Vm {
  rt: QuickJSRuntime
  ctx: QuickJSContext
  fns: Record<string, QuickJSHandle>
  /** More handles disposed with the VM. */
  own: QuickJSHandle[]
  /** Sources of functions compiled on first call (into `fns`), e.g. the script context's `describe`. */
  lazy?: Record<string, string>
  /** User scripts compiled ahead, by source (script contexts). */
  compiled?: Map<string, QuickJSHandle>
  /** Time (from `now`) after which the interrupt handler stops the code. */
  deadline: number
  now: () => number
  dispose(): void
}

/** Time allowed for our own epilogue (reading an error, the logs) after user code stopped. */
const EPILOGUE_MS = 25
export const NO_LOGS = '{"logs":[],"dropped":0}'

/**
 * Opens a runtime with the memory and stack limits and an interrupt handler bound to `deadline`,
 * evaluates the prelude and keeps handles to the functions it returns.
 */
export function openVm(
  module: QuickJSWASMModule,
  limits: SandboxLimits,
  prelude: string,
  names: readonly string[],
  now: () => number,
): Vm {
  const rt = module.newRuntime()
  rt.setMemoryLimit(limits.memoryBytes)
  rt.setMaxStackSize(limits.stackBytes)
  const ctx = rt.newContext()
  const fns: Record<string, QuickJSHandle> = {}
  const vm: Vm = {
    rt,
    ctx,
    fns,
    own: [],
    deadline: Number.POSITIVE_INFINITY,
    now,
    dispose() {
      for (const h of Object.values(fns)) h.dispose()
      for (const h of vm.own) h.dispose()
      ctx.dispose()
      rt.dispose()
    },
  }
  rt.setInterruptHandler(() => now() > vm.deadline)
  const api = ctx.unwrapResult(ctx.evalCode(prelude, 'prelude.js'))
  for (const name of names) fns[name] = ctx.getProp(api, name)
  api.dispose()
  return vm
}

/** A prelude function, compiled now if it is one of the VM's lazy sources. */
function fnOf(vm: Vm, name: string): { fn: QuickJSHandle } | { error: QuickJSHandle } {
  const have = vm.fns[name]
  if (have) return { fn: have }
  const source = vm.lazy?.[name]
  if (source === undefined) throw new Error(`the sandbox context has no function "${name}"`)
  const r = vm.ctx.evalCode(source, `${name}.js`)
  if (r.error) return { error: r.error }
  vm.fns[name] = r.value
  return { fn: r.value }
}

/** Calls a prelude function with a string argument and returns its string result (or the error handle). */
export function callString(
  vm: Vm,
  fn: string,
  args: QuickJSHandle[],
): { value: string; error?: undefined } | { error: QuickJSHandle } {
  const handle = fnOf(vm, fn)
  if ('error' in handle) return handle
  const r = vm.ctx.callFunction(handle.fn, vm.ctx.undefined, ...args)
  if (r.error) return { error: r.error }
  const value = vm.ctx.typeof(r.value) === 'string' ? vm.ctx.getString(r.value) : ''
  r.value.dispose()
  return { value }
}

/**
 * Drives a promise to completion: runs pending jobs, then (for scripts) virtual timers.
 * `never` means nothing left can settle it.
 */
export function settle(
  vm: Vm,
  promise: QuickJSHandle,
  timers: boolean,
): { value: QuickJSHandle } | { error: QuickJSHandle } | { never: true } {
  const { ctx, rt } = vm
  for (;;) {
    const state = ctx.getPromiseState(promise)
    if (state.type === 'fulfilled') return { value: state.notAPromise ? promise.dup() : state.value }
    if (state.type === 'rejected') return { error: state.error }
    if (rt.hasPendingJob()) {
      const r = rt.executePendingJobs()
      if (r.error) return { error: r.error }
      continue
    }
    if (!timers || !vm.fns.tick) return { never: true }
    const t = ctx.callFunction(vm.fns.tick!, ctx.undefined)
    if (t.error) return { error: t.error }
    const more = ctx.typeof(t.value) === 'boolean' && ctx.dump(t.value) === true
    t.value.dispose()
    if (!more) return { never: true }
  }
}

/** Turns a thrown QuickJS value into a failure, reading it inside the sandbox under a short deadline. */
export function classify(vm: Vm, error: QuickJSHandle, timeoutMs: number, what: string): SandboxFailure {
  const timedOut = vm.now() > vm.deadline
  vm.deadline = vm.now() + EPILOGUE_MS
  const read = callString(vm, 'describe', [error])
  error.dispose()
  if (timedOut) return timeout(timeoutMs, what)
  if (read.error !== undefined) {
    read.error.dispose()
    return { code: 'SCRIPT_ERROR', message: `the ${what} threw an error that cannot be read` }
  }
  let d: { name?: unknown; message?: unknown; line?: unknown; stack?: unknown }
  try {
    d = JSON.parse(read.value)
  } catch {
    d = {}
  }
  const name = typeof d.name === 'string' ? d.name : 'Error'
  const message = typeof d.message === 'string' ? d.message : ''
  const fromStack = typeof d.stack === 'string' ? /(?:script|expression)\.js:(\d+)/.exec(d.stack) : null
  const line = typeof d.line === 'number' ? d.line : fromStack ? Number(fromStack[1]) : undefined
  if (name === 'InternalError' && message === 'interrupted') return timeout(timeoutMs, what)
  // QuickJS throws null when it cannot even allocate the out-of-memory error.
  if (name === 'null')
    return { code: 'SCRIPT_MEMORY', message: `the ${what} ran out of memory (or threw null)` }
  if (/^(out of memory|string too long|invalid array buffer length)/.test(message))
    return { code: 'SCRIPT_MEMORY', message: `the ${what} ran out of memory (${message})` }
  if (/stack overflow|call stack size/i.test(message))
    return { code: 'SCRIPT_STACK', message: `the ${what} overflowed its stack (too deep recursion)` }
  const text = `${name}: ${message}`
  return line === undefined
    ? { code: 'SCRIPT_ERROR', message: text }
    : { code: 'SCRIPT_ERROR', message: text, line }
}

/** Reads a syntax error raised while compiling; anything else is classified normally. */
export function classifyCompile(
  vm: Vm,
  error: QuickJSHandle,
  timeoutMs: number,
  what: string,
): SandboxFailure {
  const failure = classify(vm, error, timeoutMs, what)
  if (failure.code === 'SCRIPT_ERROR' && failure.message.startsWith('SyntaxError'))
    return { ...failure, code: 'SCRIPT_SYNTAX' }
  return failure
}

/** Serializes a result handle inside the sandbox and maps the tag to an outcome. */
export function serializeResult(
  vm: Vm,
  value: QuickJSHandle,
  limits: SandboxLimits,
  what: string,
  timeoutMs: number,
) {
  const r = callString(vm, 'serialize', [value])
  if (r.error !== undefined) return { failure: classify(vm, r.error, timeoutMs, what) }
  return parseTagged(r.value, limits)
}

/** Maps a tagged serialization (`J<json>`, `N<why>`, `D`, `S<length>`) to JSON or a failure. */
export function parseTagged(
  tagged: string,
  limits: SandboxLimits,
): { json: string; failure?: undefined } | { failure: SandboxFailure } {
  const tag = tagged[0]
  if (tag === 'J') return { json: tagged.slice(1) }
  if (tag === 'D')
    return failure('SCRIPT_RESULT_NOT_JSON', `the result is nested deeper than ${limits.maxDepth} levels`)
  if (tag === 'S')
    return failure('SCRIPT_OUTPUT_TOO_LARGE', `the result is larger than ${limits.maxOutputBytes} bytes`)
  return failure('SCRIPT_RESULT_NOT_JSON', `the result is not JSON: ${tagged.slice(1)}`)
}

function failure(code: SandboxFailure['code'], message: string): { failure: SandboxFailure } {
  return { failure: { code, message } }
}

function timeout(ms: number, what: string): SandboxFailure {
  return { code: 'SCRIPT_TIMEOUT', message: `the ${what} ran longer than ${ms} ms` }
}

/** Maps an exception thrown by the WASM module itself (the VM is dead afterwards). */
export function hostFailure(e: unknown): SandboxFailure {
  const message = e instanceof Error ? e.message : String(e)
  if (/call stack|stack overflow/i.test(message))
    return {
      code: 'SCRIPT_STACK',
      message: 'the code overflowed the sandbox stack (too deep nesting or recursion)',
    }
  if (/OOM|out of memory|alloc|Cannot enlarge memory/i.test(message))
    return { code: 'SCRIPT_MEMORY', message: 'the code exhausted the sandbox memory' }
  return { code: 'SCRIPT_ERROR', message: `the sandbox crashed: ${message.slice(0, 200)}` }
}
