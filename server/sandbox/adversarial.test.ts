import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './index.ts'
import { codeOf, rssMb, scopeFor } from './test-helpers.ts'

/** Every case: the right code, the host alive, bounded memory growth, and a correct next execution. */
const MAX_GROWTH_MB = 64
let sandbox: Sandbox
/** Memory cases get a realistic time limit, so only the memory cap can stop them. */
let roomy: Sandbox
let baseline: number
const growth: Record<string, number> = {}

beforeAll(async () => {
  sandbox = await createSandbox({ workers: 2, limits: { timeoutMs: 300 }, graceMs: 200 })
  roomy = await createSandbox({ workers: 1, limits: { timeoutMs: 10_000 } })
  for (let i = 0; i < 20; i++) await sandbox.run('return 1', scopeFor())
  baseline = rssMb()
})
afterAll(async () => {
  console.log('rss growth per case (MB):', JSON.stringify(growth))
  await Promise.all([sandbox.close(), roomy.close()])
})

async function expectCode(name: string, code: string, expected: string, on = sandbox) {
  expect(await codeOf(on, code)).toBe(expected)
  const next = await on.run('return input.n + 1', scopeFor({ n: 1 }))
  expect(next.value).toBe(2)
  growth[name] = Math.round(rssMb() - baseline)
  expect(growth[name]).toBeLessThan(MAX_GROWTH_MB)
}

describe('denial of service', () => {
  it('while(true){}', () => expectCode('loop', 'while (true) {}', 'SCRIPT_TIMEOUT'))
  it('catching the interrupt and continuing', () =>
    expectCode('catch-loop', 'for (;;) { try { while (1) {} } catch {} }', 'SCRIPT_TIMEOUT'))
  it('array allocation loop', () =>
    expectCode('arrays', 'const a = []; for (;;) a.push(new Array(1000).fill(1))', 'SCRIPT_MEMORY', roomy))
  it('object allocation loop', () =>
    expectCode(
      'objects',
      'const a = []; for (;;) a.push(Array.from({ length: 1000 }, (_, i) => ({ i, a: [i, i, i, i, i, i, i, i] })))',
      'SCRIPT_MEMORY',
      roomy,
    ))
  it('string doubling', () => expectCode('strings', 'let s = "x"; for (;;) s += s', 'SCRIPT_MEMORY', roomy))
  it('a huge ArrayBuffer', () =>
    expectCode('buffer', 'return new ArrayBuffer(2 ** 30).byteLength', 'SCRIPT_MEMORY', roomy))
  it('many medium ArrayBuffers', () =>
    expectCode('buffers', 'const a = []; for (;;) a.push(new Uint8Array(1 << 20))', 'SCRIPT_MEMORY', roomy))
  it('deep recursion', () =>
    expectCode('recursion', 'function f() { return f() + 1 }; return f()', 'SCRIPT_STACK'))
  it('deeply nested source text', () =>
    expectCode('parser', 'return eval("[".repeat(100000))', 'SCRIPT_STACK'))
  it('a promise that never resolves', () =>
    expectCode('pending', 'await new Promise(() => {})', 'SCRIPT_TIMEOUT'))
  it('an endless microtask chain', () =>
    expectCode(
      'microtasks',
      'const f = () => Promise.resolve().then(f); f(); await new Promise(() => {})',
      'SCRIPT_TIMEOUT',
    ))
  it('Atomics.wait', () =>
    expectCode('atomics', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)', 'SCRIPT_ERROR'))
  it('catastrophic regex backtracking', () =>
    expectCode('regex', 'return /(a+)+$/.test("a".repeat(40) + "b")', 'SCRIPT_TIMEOUT'))
  it('a C-level loop that never checks the deadline is killed', () =>
    expectCode('join', 'return Array.prototype.join.call({ length: 2 ** 32 - 1 })', 'SCRIPT_TIMEOUT'))
  it('a huge result', () =>
    expectCode('output', 'return "x".repeat(5 * 1024 * 1024)', 'SCRIPT_OUTPUT_TOO_LARGE'))
  it('a 100,000-deep result', () =>
    expectCode(
      'deep-result',
      'let o = {}; for (let i = 0; i < 1e5; i++) o = { o }; return o',
      'SCRIPT_RESULT_NOT_JSON',
    ))
  it('a log flood', async () => {
    const r = await sandbox.run('for (;;) console.log("x".repeat(10000))', scopeFor()).catch((e) => e)
    expect(r.code).toBe('SCRIPT_TIMEOUT')
    expect(r.logs.length).toBeLessThanOrEqual(101)
    await expectCode('logs', 'return 1', 'OK')
  })
  it('100 scripts at once from concurrent runs', async () => {
    const runs = Array.from({ length: 100 }, (_, i) =>
      sandbox.run(
        'globalThis.seen ??= []; seen.push(run.id); return { id: run.id, n: input.n, seen }',
        scopeFor({ n: i }, `run-${i}`),
      ),
    )
    const results = await Promise.all(runs)
    for (const [i, r] of results.entries())
      expect(r.value).toEqual({ id: `run-${i}`, n: i, seen: [`run-${i}`] })
    await expectCode('concurrent', 'return 1', 'OK')
  })
})

describe('escapes', () => {
  it('this.constructor.constructor', () =>
    expectCode('ctor', 'return this.constructor.constructor("return process")().version', 'SCRIPT_ERROR'))
  it('globalThis.require', () => expectCode('require', 'return globalThis.require("fs")', 'SCRIPT_ERROR'))
  it('import("fs")', () => expectCode('import', 'return await import("fs")', 'SCRIPT_ERROR'))
  it('Function("return this")() has no host objects', async () => {
    const r = await sandbox.run(
      `const g = Function('return this')()
       return ['process', 'require', 'module', 'Buffer', 'fetch', 'XMLHttpRequest', 'WebAssembly', 'Deno', 'Bun', 'os', 'std']
         .filter((k) => typeof g[k] !== 'undefined')`,
      scopeFor(),
    )
    expect(r.value).toEqual([])
  })
  it('Proxy and getter tricks on the returned value run inside the sandbox', async () => {
    const r = await sandbox.run(
      `return new Proxy({}, { ownKeys: () => ['a'], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }), get: () => 'trap' })`,
      scopeFor(),
    )
    expect(r.value).toEqual({ a: 'trap' })
    expect(await codeOf(sandbox, 'return { get x() { for (;;) {} } }')).toBe('SCRIPT_TIMEOUT')
    expect(await codeOf(sandbox, 'return { toJSON() { throw new Error("no") } }')).toBe('SCRIPT_ERROR')
    await expectCode('proxy', 'return new Proxy({}, { get() { for (;;) {} } })', 'SCRIPT_TIMEOUT')
  })
  it('prototype pollution through returned __proto__ keys', async () => {
    const r = await sandbox.run(
      'return JSON.parse(\'{"a":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"n":{"__pr\\\\u006fto__":{"polluted":1}}}\')',
      scopeFor(),
    )
    const value = r.value as Record<string, unknown>
    expect(value).toEqual({ a: 1, n: {} })
    const target = Object.assign({}, value, value.n as object)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype)
  })
  it('leftovers between executions are invisible', async () => {
    await sandbox.run(
      'globalThis.secret = trigger; Object.prototype.polluted = 1; Array.prototype.push = null; setTimeout(() => {}, 1e9); return 1',
      scopeFor(),
    )
    for (let i = 0; i < 4; i++) {
      const r = await sandbox.run('return [typeof secret, typeof ({}).polluted, typeof [].push]', scopeFor())
      expect(r.value).toEqual(['undefined', 'undefined', 'function'])
    }
    await expectCode('leftovers', 'return 1', 'OK')
  })
})
