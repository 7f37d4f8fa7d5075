import { expect, it } from 'vitest'
import { type NodeContext, NodeError, type ScriptRunner } from '../../runtime/node-type.ts'
import { javascriptNode } from './javascript.ts'

// Unit tests with a fake runner; the real sandbox is exercised in server/sandbox/script-node.test.ts.

function fakeCtx(lines: string[], scripts?: ScriptRunner): NodeContext {
  const scope = {
    trigger: { severity: 'high' },
    nodes: { vt: { output: { malicious: 4 } } },
    vars: {},
    run: { id: 'r1', playbookId: 'pb', mode: 'test' as const, startedAt: 0 },
  }
  return {
    ...scope.run,
    runId: 'r1',
    nodeId: 'reshape',
    attempt: 1,
    signal: new AbortController().signal,
    trigger: scope.trigger,
    vars: {},
    scope,
    now: () => 0,
    log: { log: (level, message) => lines.push(`${level}:${message}`) },
    secrets: { get: async () => undefined },
    scripts,
    resolve: async (v) => v,
    runPlaybook: async () => ({ status: 'succeeded', outputs: {} }),
  }
}

it('passes the code, the scope and its inputs to the runner and forwards console lines', async () => {
  const lines: string[] = []
  const calls: unknown[] = []
  const runner: ScriptRunner = {
    async run(code, scope) {
      calls.push({ code, input: scope.input, trigger: scope.trigger })
      return { value: { ok: true }, logs: [{ level: 'log', message: 'hi' }] }
    },
  }
  const params = javascriptNode.params.parse({ code: 'return 1', input: { ip: '1.2.3.4' } })
  const r = await javascriptNode.run({ params, input: {}, ctx: fakeCtx(lines, runner) })
  expect(r).toEqual({ output: { ok: true } })
  expect(calls).toEqual([{ code: 'return 1', input: { ip: '1.2.3.4' }, trigger: { severity: 'high' } }])
  expect(lines).toEqual(['info:hi'])
})

it('rethrows the runner error and keeps the logs attached to it', async () => {
  const lines: string[] = []
  const runner: ScriptRunner = {
    async run() {
      throw Object.assign(new NodeError('SCRIPT_TIMEOUT', 'too long', { retryable: false }), {
        logs: [{ level: 'warn', message: 'about to spin' }],
      })
    },
  }
  const params = javascriptNode.params.parse({ code: 'while (true) {}' })
  await expect(javascriptNode.run({ params, input: {}, ctx: fakeCtx(lines, runner) })).rejects.toMatchObject({
    code: 'SCRIPT_TIMEOUT',
  })
  expect(lines).toEqual(['warn:about to spin'])
})

it('fails clearly without a sandbox', async () => {
  const params = javascriptNode.params.parse({ code: 'return 1' })
  await expect(javascriptNode.run({ params, input: {}, ctx: fakeCtx([]) })).rejects.toMatchObject({
    code: 'SCRIPT_UNAVAILABLE',
  })
})
