import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './index.ts'
import { codeOf, scopeFor } from './test-helpers.ts'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ workers: 2, limits: { timeoutMs: 300, expressionTimeoutMs: 300 } })
})
afterAll(() => sandbox.close())

describe('script execution', () => {
  it('runs scripts in every worker on a runtime restored from its memory image', () => {
    expect(sandbox.stats()).toMatchObject({ workers: 2, ready: 2, imageWorkers: 2 })
  })

  it('answers scripts sent right after the last answer inline (restoring the image does not hold the host off)', async () => {
    const one = await createSandbox({ workers: 1, expressionChannel: false })
    try {
      await one.run('return 0', scopeFor())
      const before = one.stats().inline
      // Two scripts in the same tick: the second is sent while the worker restores after the first.
      for (let i = 0; i < 20; i++) {
        const pair = [
          one.run('return input.i', scopeFor({ i })),
          one.run('return input.i + 100', scopeFor({ i })),
        ]
        expect((await Promise.all(pair)).map((r) => r.value)).toEqual([i, i + 100])
      }
      expect(one.stats().inline - before).toBeGreaterThanOrEqual(34)
    } finally {
      await one.close()
    }
  })

  it('sees input, trigger, nodes and vars as JSON copies and returns JSON', async () => {
    const r = await sandbox.run(
      'return { n: input.n * 2, sev: trigger.severity, m: nodes.vt.output.malicious, run: run.id }',
      scopeFor({ n: 21 }),
    )
    expect(r.value).toEqual({ n: 42, sev: 'high', m: 5, run: 'run-1' })
  })

  it('drives async code and virtual timers to completion', async () => {
    const r = await sandbox.run(
      'await new Promise((r) => setTimeout(r, 5000)); return await Promise.resolve(7)',
      scopeFor(),
    )
    expect(r.value).toBe(7)
  })

  it('reaches the scope roots by name anywhere in the script, and lets it declare its own', async () => {
    const value = async (code: string) => (await sandbox.run(code, scopeFor({ n: 2 }))).value
    expect(await value('const input = 5; let run = 2; return input + run')).toBe(7)
    expect(await value('return [1].map(() => input.n + nodes.vt.output.malicious)[0]')).toBe(7)
    expect(await value('const k = "vt"; return nodes[k].output.malicious')).toBe(5)
    expect(await value('return eval("trigger.severity")')).toBe('high')
    // The roots are the script's variables, not properties of the global object.
    expect(await value('return typeof globalThis.trigger')).toBe('undefined')
  })

  it('settles a promise or thenable returned without await, as an async function would', async () => {
    const value = async (code: string) => (await sandbox.run(code, scopeFor())).value
    expect(await value('return Promise.resolve(3)')).toBe(3)
    expect(await value('return { then(resolve) { resolve(4) } }')).toBe(4)
    expect(await value('return new Promise((r) => setTimeout(() => r(5), 1000))')).toBe(5)
    expect(await codeOf(sandbox, 'return Promise.reject(new Error("no"))')).toBe('SCRIPT_ERROR')
    expect(await codeOf(sandbox, 'return new Promise(() => {})')).toBe('SCRIPT_TIMEOUT')
  })

  it('captures console output, capped', async () => {
    const r = await sandbox.run(
      'console.log("a", { b: 1 }); console.warn("w"); for (let i = 0; i < 500; i++) console.info(i); return 1',
      scopeFor(),
    )
    expect(r.logs[0]).toEqual({ level: 'info', message: 'a {"b":1}' })
    expect(r.logs[1]).toEqual({ level: 'warn', message: 'w' })
    expect(r.logs.length).toBe(101)
    expect(r.logs.at(-1)?.message).toMatch(/dropped/)
  })

  it('converts a missing return to null and drops undefined properties', async () => {
    expect((await sandbox.run('let x = 1', scopeFor())).value).toBeNull()
    expect((await sandbox.run('return { a: undefined, b: [undefined] }', scopeFor())).value).toEqual({
      b: [null],
    })
  })

  it('maps errors to stable codes', async () => {
    expect(await codeOf(sandbox, 'return (')).toBe('SCRIPT_SYNTAX')
    expect(await codeOf(sandbox, 'return () => 1')).toBe('SCRIPT_RESULT_NOT_JSON')
    expect(await codeOf(sandbox, 'return { s: Symbol("x") }')).toBe('SCRIPT_RESULT_NOT_JSON')
    expect(await codeOf(sandbox, 'return 10n')).toBe('SCRIPT_RESULT_NOT_JSON')
    expect(await codeOf(sandbox, 'const a = {}; a.a = a; return a')).toBe('SCRIPT_RESULT_NOT_JSON')
    expect(await codeOf(sandbox, 'return "x".repeat(2 * 1024 * 1024)')).toBe('SCRIPT_OUTPUT_TOO_LARGE')
  })

  it('reports a thrown error with its message and line', async () => {
    const e = await sandbox.run('const a = 1\nthrow new TypeError("bad " + a)', scopeFor()).catch((x) => x)
    expect(e.code).toBe('SCRIPT_ERROR')
    expect(e.message).toBe('TypeError: bad 1')
    expect(e.details).toEqual({ line: 2 })
    expect(e.retryable).toBe(false)
  })

  it('offers a pure standard library', async () => {
    const r = await sandbox.run(
      `return [lib.sha256('abc'), lib.ip.inCidr(trigger.src_ip, '10.0.0.0/8'), lib.ip.isPrivate('8.8.8.8'),
        lib.ip.inCidr('2001:db8::1', '2001:db8::/32'), lib.defang('http://evil.com'), lib.refang('hxxp[://]evil[.]com')]`,
      scopeFor(),
    )
    expect(r.value).toEqual([
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      true,
      false,
      true,
      'hxxp[://]evil[.]com',
      'http://evil.com',
    ])
  })

  it('gives every execution the same console, timers and lib, whatever the last one did to them', async () => {
    const r = await sandbox.run(
      `const a = lib, b = lib
       console.log('x'); const log = console.log; console.log = null; log('y')
       await new Promise((r) => setTimeout(r, 10))
       lib.sha256 = null; globalThis.setTimeout = undefined
       return [a === b, typeof a.sha256, typeof console.log]`,
      scopeFor(),
    )
    expect(r.value).toEqual([true, 'function', 'function'])
    expect(r.logs.map((l) => l.message)).toEqual(['x', 'y'])
    const next = await sandbox.run(
      'return [typeof lib.sha256, typeof lib.ip.isValid, typeof console.log, typeof setTimeout]',
      scopeFor(),
    )
    expect(next.value).toEqual(['function', 'function', 'function', 'function'])
    // lib was built before the script ran: tampering with intrinsics first does not break it.
    const tampered = await sandbox.run('Object.freeze = null; return lib.ip.isValid("1.1.1.1")', scopeFor())
    expect(tampered.value).toBe(true)
  })

  it('honours an abort signal', async () => {
    const ac = new AbortController()
    const p = sandbox.run('while (true) {}', scopeFor(), { signal: ac.signal })
    setTimeout(() => ac.abort(), 20)
    await expect(p).rejects.toMatchObject({ code: 'SCRIPT_CANCELLED' })
    expect((await sandbox.run('return 1', scopeFor())).value).toBe(1)
  })
})

describe('expressions', () => {
  it('evaluates full expressions against the scope', async () => {
    const s = scopeFor()
    expect(await sandbox.evaluate('nodes.vt.output.malicious > 3 && trigger.severity === "high"', s)).toBe(
      true,
    )
    expect(await sandbox.evaluate('lib.ip.isPrivate(trigger.src_ip) ? "internal" : "external"', s)).toBe(
      'internal',
    )
    expect(await sandbox.evaluate('(async () => 7)()', s)).toBe(7)
  })

  it('rejects code that breaks out of the expression wrapper', async () => {
    for (const src of ['1) }); let leak = []; (function () { return (1', '1]; [2', 'while (true) {}'])
      await expect(sandbox.evaluate(src, scopeFor())).rejects.toMatchObject({ code: 'SCRIPT_SYNTAX' })
  })

  it('cannot leave state behind for the next expression', async () => {
    await expect(sandbox.evaluate('Object.prototype.x = 1', scopeFor())).rejects.toMatchObject({
      code: 'SCRIPT_ERROR',
    })
    await expect(sandbox.evaluate('globalThis.leak = trigger', scopeFor())).rejects.toMatchObject({
      code: 'SCRIPT_ERROR',
    })
    expect(await sandbox.evaluate('typeof leak + typeof ({}).x', scopeFor())).toBe('undefinedundefined')
  })

  it('stops a runaway expression', async () => {
    await expect(sandbox.evaluate('(() => { for (;;) {} })()', scopeFor())).rejects.toMatchObject({
      code: 'SCRIPT_TIMEOUT',
    })
    expect(await sandbox.evaluate('1 + 1', scopeFor())).toBe(2)
  })
})
