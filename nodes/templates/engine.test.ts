import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine } from '../../runtime/engine/engine.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { createBuiltinRegistry } from '../registry.ts'
import { type Stub, startStub } from './testing/stub-server.ts'

/** Template nodes inside a real run: params templates resolved by the engine, simulate mode, retries. */

const playbook: Playbook = {
  format: 'bulwark.playbook/2',
  id: 'tpl-run',
  name: 'Template run',
  nodes: [
    { id: 'start', type: 'trigger.webhook', version: 1, params: {} },
    { id: 'intel', type: 'greynoise.community', version: 1, params: { ip: '{{ trigger.src_ip }}' } },
    {
      id: 'notify',
      type: 'slack.post-message',
      version: 1,
      params: { channel: 'C0123ABCD', text: 'GreyNoise says {{ nodes.intel.output.classification }}' },
    },
  ],
  edges: [
    { from: 'start', to: 'intel' },
    { from: 'intel', to: 'notify' },
  ],
}

let stub: Stub
beforeAll(async () => {
  stub = await startStub()
})
afterAll(() => stub.close())

const secrets = {
  get: async (name: string) => ({ 'greynoise-api-key': 'gn-key-123', 'slack-bot-token': 'xoxb-1' })[name],
}
const GN = {
  ip: '71.6.135.131',
  noise: true,
  riot: false,
  classification: 'benign',
  name: 'Shodan.io',
  message: 'Success',
}

describe('template nodes in the engine', () => {
  it('production: resolves playbook expressions into params and calls both APIs', async () => {
    stub.script([
      { status: 200, body: GN },
      { status: 200, body: { ok: true, channel: 'C0123ABCD', ts: '1.2' } },
    ])
    const engine = createEngine({ registry: createBuiltinRegistry(), http: stub.http, secrets })
    const r = await engine.start(playbook, { trigger: { src_ip: '71.6.135.131' } })
    expect(r.status).toBe('succeeded')
    expect(stub.requests.map((q) => `${q.host}${q.path}`)).toEqual([
      'api.greynoise.io/v3/community/71.6.135.131',
      'slack.com/api/chat.postMessage',
    ])
    expect(JSON.parse(stub.requests[1]!.body)).toEqual({
      channel: 'C0123ABCD',
      text: 'GreyNoise says benign',
    })
  })

  it('test mode: the side-effecting Slack node returns its sample and is marked simulated', async () => {
    stub.script([{ status: 200, body: GN }])
    const engine = createEngine({ registry: createBuiltinRegistry(), http: stub.http, secrets })
    const r = await engine.start(playbook, { mode: 'test', trigger: { src_ip: '71.6.135.131' } })
    expect(r.status).toBe('succeeded')
    expect(stub.requests).toHaveLength(1)
    expect(r.state.nodes.notify).toMatchObject({
      status: 'succeeded',
      simulated: true,
      output: { ts: '1768471200.000100' },
    })
  })

  it('a 429 is retried by the node retry policy', async () => {
    stub.script([
      { status: 429, body: { message: 'rate limited' } },
      { status: 200, body: GN },
    ])
    const withRetry: Playbook = {
      ...playbook,
      nodes: playbook.nodes.map((n) => (n.id === 'intel' ? { ...n, retry: { max: 2, delayMs: 1 } } : n)),
    }
    const engine = createEngine({ registry: createBuiltinRegistry(), http: stub.http, secrets })
    const r = await engine.start(withRetry, { mode: 'test', trigger: { src_ip: '71.6.135.131' } })
    expect(r.state.nodes.intel).toMatchObject({ status: 'succeeded', attempt: 2, output: { noise: true } })
  })
})
