import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './index.ts'
import { scopeFor } from './test-helpers.ts'

let sandbox: Sandbox
beforeAll(async () => {
  // A 4 KiB shared buffer: larger jobs and answers take the MessagePort beside it. A synchronous
  // bound far above the scripts below, so only the worker's "running long" signal releases the host.
  sandbox = await createSandbox({
    workers: 1,
    expressionChannel: false,
    link: { bytes: 4096, syncWaitMs: 2000 },
    limits: { timeoutMs: 2000 },
  })
})
afterAll(() => sandbox.close())

describe('the link to a sandbox worker', () => {
  it('carries jobs and answers larger than its shared buffer', async () => {
    const big = 'x'.repeat(200_000)
    const r = await sandbox.run(
      'console.log(input.s.slice(0, 3)); return { n: input.s.length, back: input.s + "!" }',
      scopeFor({ s: big }),
    )
    expect(r.value).toEqual({ n: 200_000, back: `${big}!` })
    expect(r.logs).toEqual([{ level: 'info', message: 'xxx' }])
    // And the next small job still goes through the buffer.
    expect((await sandbox.run('return input.k + 1', scopeFor({ k: 1 }))).value).toBe(2)
  })

  it('carries a failure with its logs when the logs do not fit the buffer', async () => {
    const err = await sandbox
      .run(
        'for (let i = 0; i < 50; i++) console.log("line " + i + " " + "y".repeat(200)); throw new Error("boom")',
        scopeFor(),
      )
      .catch((e: { code: string; message: string; logs: unknown[] }) => e)
    expect(err).toMatchObject({ code: 'SCRIPT_ERROR', message: expect.stringContaining('boom') })
    expect((err as { logs: unknown[] }).logs).toHaveLength(50)
  })

  it('lets the host thread go on while a long script runs (the worker says it runs long)', async () => {
    const t = performance.now()
    const pending = sandbox.run(
      'const end = Date.now() + 600; while (Date.now() < end) {} return "done"',
      scopeFor(),
    )
    // The call returns once the script has run about 1 ms, not when it ends (about 600 ms later;
    // the margin is for a CI machine busy with other test files, where a wake-up can take long).
    const blocked = performance.now() - t
    expect(blocked).toBeLessThan(300)
    expect((await pending).value).toBe('done')
  })

  it('answers many concurrent jobs in order, each with its own data', async () => {
    const runs = Array.from({ length: 200 }, (_, i) =>
      sandbox.run('return input.i * 2', scopeFor({ i, pad: i % 3 === 0 ? 'z'.repeat(5000) : '' })),
    )
    const values = (await Promise.all(runs)).map((r) => r.value)
    expect(values).toEqual(Array.from({ length: 200 }, (_, i) => i * 2))
  })
})
