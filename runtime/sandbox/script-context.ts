import type { QuickJSHandle } from 'quickjs-emscripten-core'
import { SCRIPT_DESCRIBE_SOURCE, TIMERS_SOURCE } from './prelude.ts'
import { warmUp } from './script-run.ts'
import { STDLIB_SOURCE } from './stdlib.ts'
import type { Vm } from './vm.ts'

/**
 * Installs `console`, `setTimeout`/`clearTimeout` and `lib` as getters that compile their source on
 * first use (compiling them for every context would triple the preparation cost), then runs the
 * hot-path functions once so the first real call does not pay for first-use work in the runtime.
 * `eager` compiles them (and the error reader) now: for a context prepared once and restored from
 * its memory image before every execution, where a getter's first use could not be undone.
 */
export function prepareScriptContext(vm: Vm, consoleCode: string, eager = false): Vm {
  const { ctx } = vm
  const install = eager ? eagerGlobals : lazyGlobals
  install(vm, ['console'], consoleCode, 'console.js', (api) => {
    vm.fns.logs = ctx.getProp(api, 'logs')
  })
  install(vm, ['setTimeout', 'clearTimeout'], TIMERS_SOURCE, 'timers.js', (api) => {
    vm.fns.tick = ctx.getProp(api, 'tick')
  })
  install(vm, ['lib'], `({ lib: ${STDLIB_SOURCE} })`, 'lib.js')
  if (eager) vm.fns.describe = ctx.unwrapResult(ctx.evalCode(SCRIPT_DESCRIBE_SOURCE, 'describe.js'))
  else vm.lazy = { describe: SCRIPT_DESCRIBE_SOURCE }
  warmUp(vm)
  return vm
}

/** Evaluates `source` now and defines each of `names` on the global object as its value. */
function eagerGlobals(
  vm: Vm,
  names: string[],
  source: string,
  file: string,
  loaded?: (api: QuickJSHandle) => void,
) {
  installApi(vm, vm.ctx.unwrapResult(vm.ctx.evalCode(source, file)), names, loaded)
}

/** Keeps `api` with the VM and defines each of `names` on the global object as its value there. */
function installApi(vm: Vm, api: QuickJSHandle, names: string[], loaded?: (api: QuickJSHandle) => void) {
  const { ctx } = vm
  vm.own.push(api)
  loaded?.(api)
  for (const n of names) {
    const value = ctx.getProp(api, n)
    ctx.defineProp(ctx.global, n, { value, configurable: true })
    value.dispose()
  }
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
          installApi(vm, api, names, loaded)
        }
        return ctx.getProp(api, name)
      },
    })
  }
}
