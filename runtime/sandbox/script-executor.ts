import type { QuickJSWASMModule } from 'quickjs-emscripten-core'
import type { SandboxLimits } from './limits.ts'
import { consoleSource, scriptPrelude } from './prelude.ts'
import { RecentScripts } from './recent-scripts.ts'
import { prepareScriptContext } from './script-context.ts'
import { createImageScriptExecutor, type ScriptModuleMemory } from './script-image.ts'
import { execute, precompile, SCRIPT_FNS, type ScriptExecutor, ScriptRuns } from './script-run.ts'
import { openVm, type Vm } from './vm.ts'

export type { ScriptExecutor } from './script-run.ts'

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
  /**
   * A module used for nothing else, still fresh (nothing allocated yet), with its memory and
   * allocator: the executor then prepares one runtime and restores it from a memory image after
   * every execution (see `createImageScriptExecutor`), falling back to fresh runtimes when the
   * image cannot be verified.
   */
  image?: ScriptModuleMemory
}

/**
 * Creates the script executor over an already-loaded QuickJS module. Isolation: every execution
 * gets a runtime and context no other execution used: with `image`, one runtime written back to
 * its prepared state after every execution (about 6 µs); otherwise a fresh runtime each, used once
 * and disposed, where `maintain` moves the cost of preparing one (about 0.3 ms) off the hot path.
 * Either way the most recent scripts are compiled ahead, so their next execution only calls them.
 * After a `fatal` outcome the module must be discarded.
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
  if (options.image) {
    try {
      const imaged = createImageScriptExecutor(module, options.image, limits, now, recent)
      if (imaged) return imaged
    } catch {
      // Preparing the image failed: fresh runtimes below (a broken module fails there as fatal).
    }
  }
  const open = () => prepareScriptContext(openVm(module, limits, prelude, SCRIPT_FNS, now), consoleCode)
  const warm: Vm[] = []
  const spent: Vm[] = []
  const runs = new ScriptRuns(recent)
  return {
    run: (code, scopeJson) =>
      runs.run(code, () => {
        const vm = warm.pop() ?? open()
        spent.push(vm)
        return execute(vm, code, scopeJson, limits)
      }),
    maintain() {
      if (runs.dead) return false
      runs.noteRan()
      const vm = spent.pop()
      if (vm) vm.dispose()
      else if (warm.length < warmTarget) warm.push(precompile(open(), recent.list()))
      return spent.length > 0 || warm.length < warmTarget
    },
    get warmCount() {
      return warm.length
    },
    isolation: 'fresh',
    dispose() {
      if (runs.dead) return
      for (const vm of [...warm, ...spent]) vm.dispose()
      warm.length = 0
      spent.length = 0
    },
  }
}
