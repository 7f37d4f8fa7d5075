import base from '@jitl/quickjs-wasmfile-release-sync'
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core'
import { describe, expect, it } from 'vitest'
import { resolveLimits } from './limits.ts'
import { type HeapAllocator, MemoryImage, probeHeapLayout } from './memory-image.ts'
import { createScriptExecutor } from './script-executor.ts'
import type { ScriptExecutor } from './script-run.ts'

/** A QuickJS module on a memory of its own, with Emscripten's allocator, nothing allocated yet. */
async function freshModule() {
  const memory = new WebAssembly.Memory({ initial: 256, maximum: 2048 })
  const module = await newQuickJSWASMModuleFromVariant(newVariant(base, { wasmMemory: memory }))
  const em = (module as unknown as { module: { _malloc(n: number): number; _free(p: number): void } }).module
  const heap: HeapAllocator = { malloc: (n) => em._malloc(n), free: (p) => em._free(p) }
  return { module, memory, heap }
}

const limits = resolveLimits({ timeoutMs: 200, memoryBytes: 32 * 1024 * 1024 })
const scope = JSON.stringify({ input: { n: 1 }, trigger: {}, nodes: {}, vars: {}, run: {} })

async function imageExecutor(): Promise<ScriptExecutor> {
  const { module, memory, heap } = await freshModule()
  const exec = createScriptExecutor(module, limits, () => performance.now(), {
    isPlainBody: () => true,
    image: { memory, heap },
  })
  expect(exec.isolation).toBe('image')
  return exec
}

/** Runs a script (housekeeping after it, as the pool worker does) and returns its result or code. */
function run(exec: ScriptExecutor, code: string): unknown {
  const out = exec.run(code, scope)
  exec.maintain()
  return out.ok ? JSON.parse(out.json) : out.failure.code
}

describe('a memory image of the module', () => {
  it('finds the word that holds the heap break, and writes back the heap and static bytes', async () => {
    const { memory, heap } = await freshModule()
    const layout = probeHeapLayout(memory, heap)!
    expect(layout).toBeDefined()
    const words = () => new Uint32Array(memory.buffer)
    const before = words()[layout.breakAt >> 2]!
    const image = MemoryImage.capture(memory, layout)
    const ptr = heap.malloc(100_000)
    expect(words()[layout.breakAt >> 2]).toBeGreaterThanOrEqual(ptr + 100_000)
    new Uint8Array(memory.buffer).fill(7, ptr, ptr + 100_000)
    image.restore(memory)
    expect(words()[layout.breakAt >> 2]).toBe(before)
    expect(image.breakRestored(memory)).toBe(true)
    expect(image.staticRegionCovered(memory)).toBe(true)
    // The allocator hands out the same memory again: its state is back as well.
    expect(heap.malloc(100_000)).toBe(ptr)
  })

  it('is not used when the heap break cannot be found: scripts run on fresh runtimes', async () => {
    const { module, memory } = await freshModule()
    const broken: HeapAllocator = { malloc: () => 0, free: () => {} }
    const exec = createScriptExecutor(module, limits, () => performance.now(), {
      image: { memory, heap: broken },
    })
    expect(exec.isolation).toBe('fresh')
    expect(run(exec, 'return input.n + 1')).toBe(2)
  })
})

describe('scripts on a runtime restored from its image', () => {
  it('see nothing an earlier execution left: globals, patched intrinsics, prototypes, timers', async () => {
    const exec = await imageExecutor()
    const dirty = `globalThis.left = 1; Array.prototype.push = null; Object.prototype.polluted = 1
      JSON.stringify = () => 'x'; setTimeout(() => { globalThis.late = 1 }, 1); console.log('a'); return 1`
    const probe = `return [typeof left, typeof [].push, ({}).polluted, JSON.stringify({ a: 1 }), typeof late]`
    for (let i = 0; i < 3; i++) {
      expect(run(exec, dirty)).toBe(1)
      expect(run(exec, probe)).toEqual(['undefined', 'function', null, '{"a":1}', 'undefined'])
    }
    exec.dispose()
  })

  it('get back the memory an execution used: 40 executions holding 12 MB each under a 32 MB limit', async () => {
    const exec = await imageExecutor()
    const hold = `globalThis.keep = globalThis.keep || []; for (let i = 0; i < 12; i++) keep.push(new Uint8Array(1024 * 1024).fill(i)); return keep.length`
    for (let i = 0; i < 40; i++) expect(run(exec, hold)).toBe(12)
    expect(run(exec, 'return new Uint8Array(40 * 1024 * 1024).length')).toBe('SCRIPT_MEMORY')
    expect(run(exec, 'return input.n')).toBe(1)
    exec.dispose()
  })

  it('run recent scripts compiled into the image, and other scripts beside them', async () => {
    const exec = await imageExecutor()
    const a = 'return { n: input.n + 1, g: this === globalThis }'
    const b = 'const x = 1\nnull.y\nreturn x'
    for (let i = 0; i < 4; i++) {
      expect(run(exec, a)).toEqual({ n: 2, g: true })
      const failed = exec.run(b, scope)
      exec.maintain()
      expect(failed).toMatchObject({ ok: false, failure: { code: 'SCRIPT_ERROR', line: 2 } })
      expect(run(exec, `return ${i}`)).toBe(i)
    }
    expect(exec.warmCount).toBe(1)
    exec.dispose()
  })

  it('a timeout, a syntax error or an endless promise leaves the next execution unaffected', async () => {
    const exec = await imageExecutor()
    expect(run(exec, 'for (;;) {}')).toBe('SCRIPT_TIMEOUT')
    expect(run(exec, 'return (1 +')).toBe('SCRIPT_SYNTAX')
    expect(run(exec, 'await new Promise(() => {})')).toBe('SCRIPT_TIMEOUT')
    expect(run(exec, 'await null; return input.n * 5')).toBe(5)
    exec.dispose()
  })
})
