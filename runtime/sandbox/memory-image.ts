/**
 * A copy of a QuickJS module's live WASM memory that can be written back, so that one prepared
 * runtime starts every execution in exactly the state it had when the copy was taken.
 *
 * An Emscripten module's linear memory holds, from address 0: static data and BSS (the allocator's
 * state and the heap break among them), the C stack (empty between calls from JavaScript), then the
 * heap up to the break. Every byte QuickJS depends on between two calls is in the first or the
 * last region, so the image holds those two and nothing else: a few hundred KB, written back in
 * tens of µs, where creating, preparing and disposing a runtime takes 300–400 µs. Memory past the
 * break is free as far as the allocator knows (it never assumes freed memory is zeroed).
 */

/** Emscripten's allocator entry points of a module, used once to find its heap break. */
export interface HeapAllocator {
  malloc(bytes: number): number
  free(ptr: number): void
}

/** Where a module keeps its heap: the address of the break variable and the break at start. */
export interface HeapLayout {
  breakAt: number
  heapStart: number
}

const PROBE_BYTES = 4 * 1024 * 1024
/** Kept below the heap start in the image: allocations made before the probe ran. */
const BELOW_HEAP = 64 * 1024
const PAGE = 4096
/** Zeros past the static region's last written word that end it (checked by `matches`). */
const ZERO_RUN = 64 * 1024
/** The C stack's top this deep is never checked (it is dead between calls). */
const STACK_TOP = 1024 * 1024
/** How far past the static region `staticRegionCovered` checks for written words. */
const COVER_CHECK = 1024 * 1024

/**
 * Finds the heap break variable of a module that has allocated nothing yet: the one 32-bit word of
 * static memory, next to where the first allocation lands, that moves past a fresh 4 MB
 * allocation. Undefined when no single word does (a build this does not understand); callers then
 * prepare a fresh runtime per execution instead.
 */
export function probeHeapLayout(memory: WebAssembly.Memory, heap: HeapAllocator): HeapLayout | undefined {
  const first = heap.malloc(16)
  if (first === 0) return undefined
  heap.free(first)
  const words = new Uint32Array(memory.buffer)
  const near: number[] = []
  for (let i = 0; i < first >> 2; i++) {
    const v = words[i]!
    if (v !== 0 && v <= first && first - v < BELOW_HEAP) near.push(i)
  }
  const was = near.map((i) => words[i]!)
  const ptr = heap.malloc(PROBE_BYTES)
  if (ptr === 0) return undefined
  const limit = memory.buffer.byteLength
  const after = new Uint32Array(memory.buffer)
  const found = near.filter((i) => after[i]! >= ptr + PROBE_BYTES && after[i]! <= limit)
  heap.free(ptr)
  if (found.length !== 1) return undefined
  const at = found[0]!
  return { breakAt: at * 4, heapStart: was[near.indexOf(at)]! }
}

/** The low region (static data and BSS) and the heap of a module's memory, as they were. */
export class MemoryImage {
  private constructor(
    private readonly low: Uint8Array,
    private readonly heap: Uint8Array,
    private readonly heapFrom: number,
    private readonly layout: HeapLayout,
  ) {}

  /**
   * Copies the module's static region (up to its last written page before a run of 64 KB of zeros,
   * plus one page) and its heap up to the current break. Call between calls into the module,
   * never during one, and check the first image of a module with `matches` after using it.
   */
  static capture(memory: WebAssembly.Memory, layout: HeapLayout): MemoryImage {
    const words = new Uint32Array(memory.buffer)
    const heapFrom = Math.max(0, layout.heapStart - BELOW_HEAP)
    let last = layout.breakAt >> 2
    for (let i = last; i < heapFrom >> 2 && i - last < ZERO_RUN >> 2; i++) if (words[i] !== 0) last = i
    const lowEnd = Math.min(heapFrom, Math.ceil((last * 4 + 4) / PAGE) * PAGE + PAGE)
    return MemoryImage.take(memory, layout, lowEnd, heapFrom)
  }

  private static take(memory: WebAssembly.Memory, layout: HeapLayout, lowEnd: number, heapFrom: number) {
    const bytes = new Uint8Array(memory.buffer)
    const heapBreak = new Uint32Array(memory.buffer)[layout.breakAt >> 2]!
    return new MemoryImage(bytes.slice(0, lowEnd), bytes.slice(heapFrom, heapBreak), heapFrom, layout)
  }

  /** A new image of the same module now, with this image's static region bounds. */
  recapture(memory: WebAssembly.Memory): MemoryImage {
    return MemoryImage.take(memory, this.layout, this.low.length, this.heapFrom)
  }

  /** Writes the image back. Call between calls into the module, never during one. */
  restore(memory: WebAssembly.Memory) {
    const bytes = new Uint8Array(memory.buffer)
    bytes.set(this.low, 0)
    bytes.set(this.heap, this.heapFrom)
  }

  /** After a `restore`: true when the heap break is the image's. */
  breakRestored(memory: WebAssembly.Memory): boolean {
    return new Uint32Array(memory.buffer)[this.layout.breakAt >> 2] === this.heapFrom + this.heap.length
  }

  /**
   * True when every word in the MB past the static region (short of the stack's top MB) is zero: a
   * static variable past the image's low region that an execution wrote would show here.
   */
  staticRegionCovered(memory: WebAssembly.Memory): boolean {
    const words = new Uint32Array(memory.buffer)
    const end = Math.min(this.heapFrom - STACK_TOP, this.low.length + COVER_CHECK) >> 2
    for (let i = this.low.length >> 2; i < end; i++) if (words[i] !== 0) return false
    return true
  }
}
