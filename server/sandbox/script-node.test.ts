import { afterAll, beforeAll, expect, it } from 'vitest'
import { javascriptNode } from '../../nodes/script/javascript.ts'
import type { NodeContext } from '../../runtime/node-type.ts'
import { createSandbox, type Sandbox } from './index.ts'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ workers: 1, limits: { timeoutMs: 200 } })
})
afterAll(() => sandbox.close())

function fakeCtx(lines: string[]): NodeContext {
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
    scripts: sandbox,
    resolve: async (v) => v,
    runPlaybook: async () => ({ status: 'succeeded', outputs: {} }),
  }
}

it('runs code with its inputs and the scope, forwarding console lines', async () => {
  const lines: string[] = []
  const params = javascriptNode.params.parse({
    code: 'console.log("checking", input.ip); return { bad: nodes.vt.output.malicious > 3, ip: input.ip }',
    input: { ip: '1.2.3.4' },
  })
  const r = await javascriptNode.run({ params, input: {}, ctx: fakeCtx(lines) })
  expect(r).toEqual({ output: { bad: true, ip: '1.2.3.4' } })
  expect(lines).toEqual(['info:checking 1.2.3.4'])
})

it('fails with the sandbox code and keeps the logs', async () => {
  const lines: string[] = []
  const params = javascriptNode.params.parse({ code: 'console.warn("about to spin"); while (true) {}' })
  await expect(javascriptNode.run({ params, input: {}, ctx: fakeCtx(lines) })).rejects.toMatchObject({
    code: 'SCRIPT_TIMEOUT',
  })
  expect(lines).toEqual(['warn:about to spin'])
})
