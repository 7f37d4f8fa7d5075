import { describe, expect, it } from 'vitest'
import { ENV, loadSample } from './sample.ts'
import { isSentinel, normalizeSentinel } from './sentinel.ts'

describe('normalizeSentinel', () => {
  const payload = loadSample('sentinel-incident.json')

  it('maps a Logic App incident trigger body, entities included', () => {
    expect(isSentinel(payload)).toBe(true)
    const out = normalizeSentinel(payload, ENV)
    expect(out).toMatchObject({
      id: 'a1f3c5e7-9b2d-4f6a-8c0e-1d3b5f7a9c2e',
      source: 'sentinel',
      rule: {
        id: '3c5e7a9b-1d2f-4a6c-8e0b-2d4f6a8c0e1b',
        name: 'Impossible travel activity involving one user',
      },
      severity: 'high',
      timestamp: '2026-01-15T07:50:01.882Z',
      user: 'm.keller@corp.example.com',
      src_ip: '102.89.34.17',
      tags: ['InitialAccess'],
      link: expect.stringMatching(/^https:\/\/portal\.azure\.com\//),
    })
    expect(out.observables).toMatchObject({ ips: ['102.89.34.17', '84.17.52.9'], domains: [] })
  })

  it('also accepts the bare incident resource of the REST API', () => {
    const bare = payload.object as Record<string, unknown>
    expect(normalizeSentinel(bare, ENV)).toMatchObject({ source: 'sentinel', severity: 'high', raw: bare })
  })

  it('maps Informational incidents and refuses non-incidents', () => {
    const info = { name: 'x', properties: { incidentNumber: 1, title: 'T', severity: 'Informational' } }
    expect(normalizeSentinel(info, ENV)).toMatchObject({ severity: 'informational', id: 'x' })
    expect(() => normalizeSentinel({ properties: { title: 'T' } }, ENV)).toThrow(/incidentNumber/)
  })
})
