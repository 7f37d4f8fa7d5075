import { afterAll, beforeAll, expect, it } from 'vitest'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import { createEngine } from '../../runtime/engine/engine.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { createSandbox, type Sandbox } from './index.ts'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await createSandbox({ workers: 1 })
})
afterAll(() => sandbox.close())

const playbook: Playbook = {
  format: 'bulwark.playbook/2',
  id: 'sandbox-e2e',
  name: 'Sandbox end to end',
  nodes: [
    {
      id: 'reshape',
      type: 'script.javascript',
      version: 1,
      params: {
        code: `console.log('scoring', trigger.src_ip)
          return { score: trigger.hits.length * input.weight, ip: trigger.src_ip, internal: lib.ip.isPrivate(trigger.src_ip) }`,
        input: { weight: '{{ vars.weight }}' },
      },
    },
    {
      id: 'decide',
      type: 'transform.set',
      version: 1,
      params: {
        values: {
          block: '{{ nodes.reshape.output.score > 3 && trigger.severity === "high" }}',
          ip: '{{ nodes.reshape.output.ip }}',
          label: 'host {{ nodes.reshape.output.internal ? "internal" : "external" }}',
        },
      },
    },
  ],
  edges: [{ from: 'reshape', to: 'decide' }],
}

it('runs a script node and full {{ }} expressions through the real engine and sandbox', async () => {
  const engine = createEngine({
    registry: createBuiltinRegistry(),
    evaluator: sandbox,
    scripts: sandbox,
  })
  const result = await engine.start(playbook, {
    trigger: { severity: 'high', src_ip: '10.1.2.3', hits: [1, 2] },
    vars: { weight: 2 },
  })
  expect(result.status).toBe('succeeded')
  expect(result.state.nodes.reshape?.output).toEqual({ score: 4, ip: '10.1.2.3', internal: true })
  expect(result.state.nodes.decide?.output).toEqual({ block: true, ip: '10.1.2.3', label: 'host internal' })
})

it('fails the run with the sandbox error code when the script misbehaves', async () => {
  const engine = createEngine({
    registry: createBuiltinRegistry(),
    evaluator: sandbox,
    scripts: sandbox,
  })
  const bad: Playbook = {
    ...playbook,
    nodes: [{ ...playbook.nodes[0]!, params: { code: 'return () => 1' } }, playbook.nodes[1]!],
  }
  const result = await engine.start(bad, { trigger: { severity: 'high', src_ip: '10.1.2.3', hits: [] } })
  expect(result.status).toBe('failed')
  expect(result.state.nodes.reshape?.error).toMatchObject({ code: 'SCRIPT_RESULT_NOT_JSON' })
})
