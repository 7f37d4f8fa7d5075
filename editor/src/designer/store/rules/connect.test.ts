import { describe, expect, it } from 'vitest'
import { playbookOf, registry } from '../testing.ts'
import { checkConnection } from './connect.ts'

const base = playbookOf(
  {
    alert: 'trigger.alert',
    ip: { type: 'enrich.ip-info', version: 1, params: { ip: '' } },
    check: 'condition.if',
    tag: 'transform.set',
  },
  [
    ['alert', 'ip'],
    ['ip', 'check'],
    ['check', 'tag', 'true'],
  ],
)

describe('checkConnection', () => {
  it('accepts a port the source has', () => {
    expect(checkConnection(base, registry, 'check', 'false', 'tag')).toBeNull()
    expect(checkConnection(base, registry, 'alert', 'out', 'tag')).toBeNull()
  })

  it('refuses a cycle and names the nodes on it', () => {
    expect(checkConnection(base, registry, 'tag', 'out', 'ip')).toEqual({
      code: 'CYCLE',
      message: 'would close a cycle: tag → ip → check → tag',
    })
  })

  it('refuses a self-loop, an edge into a trigger and a duplicate edge', () => {
    expect(checkConnection(base, registry, 'ip', 'out', 'ip')?.code).toBe('SELF_LOOP')
    expect(checkConnection(base, registry, 'tag', 'out', 'alert')).toMatchObject({
      code: 'INTO_TRIGGER',
      message: expect.stringContaining('"alert" is a trigger'),
    })
    expect(checkConnection(base, registry, 'check', 'true', 'tag')?.code).toBe('DUPLICATE_EDGE')
  })

  it('refuses a port the source does not have for its params, listing the ones it has', () => {
    expect(checkConnection(base, registry, 'check', 'out', 'tag')).toEqual({
      code: 'UNKNOWN_PORT',
      message: '"check" has no output "out"; its outputs are: true, false',
    })
    expect(checkConnection(base, registry, 'ip', 'error', 'tag')?.code).toBe('UNKNOWN_PORT')
  })

  it('offers the error port only when the node sends errors to it', () => {
    const withPort = {
      ...base,
      nodes: base.nodes.map((n) => (n.id === 'ip' ? { ...n, onError: 'error' as const } : n)),
    }
    expect(checkConnection(withPort, registry, 'ip', 'error', 'tag')).toBeNull()
  })

  it('derives switch ports from the cases', () => {
    const p = playbookOf({
      route: {
        type: 'condition.switch',
        version: 1,
        params: { cases: [{ port: 'high', equals: 'high' }] },
      },
      tag: 'transform.set',
    })
    expect(checkConnection(p, registry, 'route', 'high', 'tag')).toBeNull()
    expect(checkConnection(p, registry, 'route', 'default', 'tag')).toBeNull()
    expect(checkConnection(p, registry, 'route', 'low', 'tag')?.code).toBe('UNKNOWN_PORT')
  })

  it('refuses unknown nodes', () => {
    expect(checkConnection(base, registry, 'ghost', 'out', 'tag')).toEqual({
      code: 'INVALID',
      message: 'there is no node "ghost" to connect',
    })
  })
})
