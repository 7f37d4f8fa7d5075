import { describe, expect, it } from 'vitest'
import { isEcs, isGeneric, normalizeEcs, normalizeGeneric, severityFromNumber } from './ecs.ts'
import { ENV, loadSample } from './sample.ts'

describe('normalizeEcs', () => {
  it('maps a firewall ECS alert', () => {
    const payload = loadSample('ecs-generic.json')
    expect(isEcs(payload)).toBe(true)
    const out = normalizeEcs(payload, ENV)
    expect(out).toMatchObject({
      id: 'fw-2026-01-15-000418',
      rule: { id: 'threat-id-86237', name: 'Outbound connection to known Cobalt Strike C2' },
      severity: 'high',
      score: 7,
      host: 'FIN-WS-0142',
      src_ip: '10.20.9.41',
      dst_ip: '91.92.240.113',
    })
    expect(out.observables.urls).toEqual(['https://beacon.hostupdate.top:8443/jquery-3.3.1.min.js'])
    expect(out.observables.ips).not.toContain('10.20.0.1')
  })

  it("keeps the reporter, the recipients and the Message-ID out of a phishing report's e-mail observables", () => {
    const out = normalizeEcs(loadSample('phishing-report.json'), ENV)
    expect(out.observables.emails).toEqual(['it-support@micros0ft-helpdesk.com'])
  })

  it('reads event.severity as 0-10, or 0-100 above 10', () => {
    expect([0, 2, 5, 8, 10, 30, 90].map(severityFromNumber)).toEqual([
      'informational',
      'low',
      'medium',
      'high',
      'critical',
      'medium',
      'critical',
    ])
  })
})

describe('normalizeGeneric', () => {
  it('maps common field names of any JSON alert', () => {
    const payload = {
      alert_name: 'DLP: card numbers',
      priority: 'critical',
      username: 'bob',
      created_at: 1768470912,
    }
    expect(isGeneric(payload)).toBe(true)
    expect(normalizeGeneric(payload, ENV)).toMatchObject({
      title: 'DLP: card numbers',
      severity: 'critical',
      user: 'bob',
      timestamp: '2026-01-15T09:55:12.000Z',
      id: 'run_test',
    })
  })

  it('refuses objects with nothing to call the alert', () => {
    expect(() => normalizeGeneric({ value: 1 }, ENV)).toThrow(/title/)
  })
})
