import { describe, expect, it } from 'vitest'
import v1 from './fixtures/v1-playbook.json'
import { KNOWN_FORMATS, migrate } from './migrate.ts'
import { CURRENT_FORMAT } from './schema.ts'
import { testRegistry } from './test-registry.ts'
import { validatePlaybook } from './validate.ts'

describe('migrate', () => {
  it('loads the v1 fixture: positions move to layout, connections become edges', () => {
    const before = JSON.stringify(v1)
    const { value, from, problems } = migrate(v1)
    expect(from).toBe('bulwark.playbook/1')
    expect(problems).toEqual([])
    expect(JSON.stringify(v1)).toBe(before)
    const pb = value as Record<string, unknown>
    expect(pb.format).toBe(CURRENT_FORMAT)
    expect(pb.connections).toBeUndefined()
    expect(pb.layout).toEqual({
      alert: { x: 0, y: 0 },
      is_external: { x: 240, y: 0 },
      notify: { x: 480, y: -80 },
      close: { x: 480, y: 80 },
    })
    expect(pb.edges).toEqual([
      { from: 'alert', to: 'is_external' },
      { from: 'is_external', to: 'notify', port: 'true' },
      { from: 'is_external', to: 'close', port: 'false' },
    ])
    expect((pb.nodes as object[]).every((n) => !('position' in n))).toBe(true)
  })

  it('makes the v1 fixture a valid current playbook', () => {
    const r = validatePlaybook(v1, { registry: testRegistry })
    expect(r.problems).toEqual([])
    expect(r.ok).toBe(true)
    expect(r.from).toBe('bulwark.playbook/1')
    expect(r.playbook?.nodes.map((n) => n.id)).toEqual(['alert', 'is_external', 'notify', 'close'])
  })

  it('leaves a current playbook unchanged', () => {
    const pb = { format: CURRENT_FORMAT, nodes: [], edges: [] }
    expect(migrate(pb)).toEqual({ value: pb, from: CURRENT_FORMAT, problems: [] })
  })

  it('reports a newer format as UNKNOWN_FORMAT without throwing', () => {
    const { problems } = migrate({ format: 'bulwark.playbook/9', nodes: [] })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ code: 'UNKNOWN_FORMAT', path: '$.format', severity: 'error' })
    expect(problems[0]!.message).toContain('newer than this version of Bulwark')
  })

  it('reports a foreign format and lists the known ones', () => {
    const { problems } = migrate({ format: 'n8n/workflow' })
    expect(problems[0]!.code).toBe('UNKNOWN_FORMAT')
    expect(problems[0]!.message).toContain(KNOWN_FORMATS.join(', '))
  })

  it('passes non-objects and missing formats through for the schema to report', () => {
    for (const raw of [null, 42, 'x', [], {}])
      expect(migrate(raw)).toEqual({ value: raw, from: undefined, problems: [] })
  })

  it('tolerates malformed v1 parts and keeps them for the schema to report', () => {
    const { value, problems } = migrate({ format: 'bulwark.playbook/1', nodes: [null, 3], connections: 'x' })
    expect(problems).toEqual([])
    expect(value).toMatchObject({ nodes: [null, 3], edges: 'x' })
  })
})
