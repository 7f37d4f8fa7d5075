import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, type Sandbox } from './index.ts'
import { codeOf, scopeFor } from './test-helpers.ts'

/**
 * The pool worker compiles the scripts it ran last into each fresh context ahead of their next
 * execution. These run every script several times, so later executions take the compiled path.
 */
let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ workers: 1, expressionChannel: false })
})
afterAll(() => sandbox.close())

async function failureOf(code: string) {
  return sandbox.run(code, scopeFor()).catch((e: { code: string; message: string; details?: unknown }) => e)
}

const settle = () => new Promise((r) => setTimeout(r, 20))

describe('scripts compiled ahead', () => {
  it('behave the same on every execution: results, this, errors with their line', async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (await sandbox.run('return { n: input.n + 1, g: this === globalThis }', scopeFor({ n: i }))).value,
      ).toEqual({
        n: i + 1,
        g: true,
      })
      const err = await failureOf('const a = 1\nnull.x\nreturn a')
      expect(err).toMatchObject({ code: 'SCRIPT_ERROR', message: expect.stringContaining('TypeError') })
      expect(JSON.stringify(err)).toContain('"line":2')
      await settle()
    }
  })

  it('a syntax error is reported on every execution', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await codeOf(sandbox, 'return (1 +')).toBe('SCRIPT_SYNTAX')
      await settle()
    }
  })

  it('a source that closes its wrapper is never compiled ahead and leaves nothing for the next execution', async () => {
    const breakout = '}); globalThis.leak = (globalThis.leak || 0) + 1; (async function () {'
    for (let i = 0; i < 3; i++) {
      // Run as-is it is one more program in its own fresh context, as before.
      await sandbox.run(breakout, scopeFor()).catch(() => undefined)
      await settle()
      expect((await sandbox.run('return typeof globalThis.leak', scopeFor())).value).toBe('undefined')
    }
  })

  it('a slow script compiled ahead is still stopped at its deadline', async () => {
    const loop = 'let n = 0; for (;;) n++'
    const fast = await createSandbox({ workers: 1, expressionChannel: false, limits: { timeoutMs: 50 } })
    try {
      for (let i = 0; i < 3; i++) {
        expect(await codeOf(fast, loop)).toBe('SCRIPT_TIMEOUT')
        await settle()
      }
      expect((await fast.run('return 1', scopeFor())).value).toBe(1)
    } finally {
      await fast.close()
    }
  })
})
