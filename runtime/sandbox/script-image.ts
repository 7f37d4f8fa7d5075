import type { QuickJSHandle, QuickJSWASMModule } from 'quickjs-emscripten-core'
import type { SandboxLimits } from './limits.ts'
import { type HeapAllocator, MemoryImage, probeHeapLayout } from './memory-image.ts'
import { consoleSource, scriptPrelude } from './prelude.ts'
import type { RecentScripts } from './recent-scripts.ts'
import { prepareScriptContext } from './script-context.ts'
import { execute, precompile, SCRIPT_FNS, type ScriptExecutor, ScriptRuns } from './script-run.ts'
import { openVm, type Vm } from './vm.ts'

/** A module of its own for scripts: its memory and its allocator (used once, to find the heap). */
export interface ScriptModuleMemory {
  memory: WebAssembly.Memory
  heap: HeapAllocator
}

/**
 * Executions run by `verifyImage` before the image is trusted: the console, timers, promises, the
 * standard library, a thrown error, recursion and 2 MB allocated and freed (the heap grows
 * past its break and shrinks back).
 */
const VERIFY_SCRIPTS = [
  "console.log('x', { a: 1 }); await new Promise((r) => setTimeout(r, 5)); return typeof lib",
  "throw new TypeError('probe')",
  'const f = (n) => (n > 200 ? 0 : f(n + 1) + 1); return f(0)',
  "const a = []; for (let i = 0; i < 16; i++) a.push('x'.repeat(128 * 1024) + i); return a.length",
  'globalThis.leftOver = 1; Object.prototype.polluted = 1; return 1',
]

/**
 * The script executor on a module of its own, whose one runtime and context are prepared once and
 * written back from a memory image (`MemoryImage`) after every execution, so each execution starts
 * from the same bytes a freshly prepared runtime would have, at a tenth of the cost of preparing
 * one. The recent scripts are compiled into the image (a new image when they change). Undefined
 * when the module's heap layout cannot be found or an image does not restore the module exactly;
 * the caller then uses fresh runtimes.
 */
export function createImageScriptExecutor(
  module: QuickJSWASMModule,
  own: ScriptModuleMemory,
  limits: SandboxLimits,
  now: () => number,
  recent: RecentScripts,
): ScriptExecutor | undefined {
  const { memory } = own
  const layout = probeHeapLayout(memory, own.heap)
  if (!layout) return undefined
  const vm = prepareScriptContext(
    openVm(module, limits, scriptPrelude(limits), SCRIPT_FNS, now),
    consoleSource(limits),
    true,
  )
  const base: Saved = save(MemoryImage.capture(memory, layout), vm)
  if (!verifyImage(base, vm, memory, limits)) {
    vm.dispose()
    return undefined
  }
  let current = base
  let compiledList: readonly string[] = []
  let dirty = false
  const runs = new ScriptRuns(recent)
  const restore = (to: Saved) => {
    to.image.restore(memory)
    vm.own.length = to.own
    vm.compiled = to.compiled
    vm.deadline = Number.POSITIVE_INFINITY
    dirty = false
  }
  return {
    run: (code, scopeJson) =>
      runs.run(code, () => {
        if (dirty) restore(current)
        dirty = true
        return execute(vm, code, scopeJson, limits)
      }),
    maintain() {
      if (runs.dead) return false
      runs.noteRan()
      const list = recent.list()
      if (!sameList(list, compiledList)) {
        restore(base)
        compiledList = list
        if (list.length === 0) current = base
        else {
          precompile(vm, list)
          current = save(base.image.recapture(memory), vm)
        }
      } else if (dirty) restore(current)
      return false
    },
    get warmCount() {
      return dirty ? 0 : 1
    },
    isolation: 'image',
    dispose() {
      if (runs.dead) return
      if (dirty) restore(current)
      vm.dispose()
    },
  }
}

/** An image with the JavaScript side of the context as it was when the image was taken. */
interface Saved {
  image: MemoryImage
  own: number
  compiled: Map<string, QuickJSHandle> | undefined
}

const save = (image: MemoryImage, vm: Vm): Saved => ({
  image,
  own: vm.own.length,
  // Never changed once made: a new image starts from the base (no map) and precompiles a new one.
  compiled: vm.compiled,
})

/**
 * Runs `VERIFY_SCRIPTS`, restoring the image after each, and checks that the module is back where
 * the image was taken (its break, and nothing written past its static region) and that a global
 * a script left is gone.
 */
function verifyImage(saved: Saved, vm: Vm, memory: WebAssembly.Memory, limits: SandboxLimits): boolean {
  const scope = '{"input":{},"trigger":{},"nodes":{},"vars":{},"run":{}}'
  for (const code of VERIFY_SCRIPTS) {
    execute(vm, code, scope, limits)
    saved.image.restore(memory)
    vm.own.length = saved.own
    vm.deadline = Number.POSITIVE_INFINITY
    if (!saved.image.breakRestored(memory)) return false
  }
  const left = execute(vm, 'return [typeof leftOver, typeof ({}).polluted]', scope, limits)
  saved.image.restore(memory)
  vm.own.length = saved.own
  return left.ok && left.json === '["undefined","undefined"]' && saved.image.staticRegionCovered(memory)
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((s, i) => s === b[i])
