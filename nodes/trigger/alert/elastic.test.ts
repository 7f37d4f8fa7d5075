import { describe, expect, it } from 'vitest'
import { isElastic, normalizeElastic } from './elastic.ts'
import { ENV, loadSample } from './sample.ts'

describe('normalizeElastic', () => {
  const payload = loadSample('elastic-kibana.json')

  it('maps the first alert of a webhook connector body and its ECS fields', () => {
    expect(isElastic(payload)).toBe(true)
    const out = normalizeElastic(payload, ENV)
    expect(out).toMatchObject({
      source: 'elastic',
      rule: { id: '6f4b2c10-8f1e-11ef-9a4b-3f2d1c0e7a55', name: 'Malware Detection Alert' },
      severity: 'high',
      score: 73,
      timestamp: '2026-01-15T09:41:07.512Z',
      host: 'LAPTOP-4F7K2',
      user: 'j.doe',
      src_ip: '10.20.7.88',
      dst_ip: '45.133.1.20',
      description: expect.stringContaining('invoice_0115.exe'),
    })
    expect(out.observables.domains).toEqual(['update.cdn-telemetry.top'])
    expect(out.observables.hashes).toHaveLength(3)
    expect(out.raw).toBe(payload)
  })

  it('reads a nested alert document and derives severity from the risk score when absent', () => {
    const doc = {
      '@timestamp': '2026-01-15T00:00:00Z',
      kibana: { alert: { rule: { name: 'Rare process', uuid: 'r1' }, risk_score: 21 } },
    }
    expect(normalizeElastic(doc, ENV)).toMatchObject({
      rule: { id: 'r1', name: 'Rare process' },
      severity: 'medium',
    })
  })

  it('accepts legacy 7.x signal documents', () => {
    const legacy = { signal: { rule: { id: 'abc', name: 'Old rule', severity: 'critical', risk_score: 99 } } }
    expect(normalizeElastic({ alerts: [legacy] }, ENV)).toMatchObject({
      severity: 'critical',
      rule: { id: 'abc' },
    })
  })

  it('refuses documents without kibana.alert or signal fields', () => {
    expect(() => normalizeElastic({ '@timestamp': 'x', event: {} }, ENV)).toThrow(/kibana\.alert\.rule\.name/)
  })
})
