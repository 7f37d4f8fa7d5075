import { describe, expect, it } from 'vitest'
import { ENV, loadSample } from './sample.ts'
import { isSplunk, normalizeSplunk } from './splunk.ts'

describe('normalizeSplunk', () => {
  const payload = loadSample('splunk-webhook.json')

  it('maps the webhook alert action body: search name, sid, first result row, link', () => {
    expect(isSplunk(payload)).toBe(true)
    expect(normalizeSplunk(payload, ENV)).toMatchObject({
      id: 'scheduler__admin__search__RMD5a1b2c3d4e5f60718_at_1768470900_1123',
      source: 'splunk',
      rule: { name: 'Brute Force Access Behavior Detected' },
      title: 'Brute Force Access Behavior Detected',
      severity: 'high',
      timestamp: '2026-01-15T09:55:12.000Z',
      user: 'svc_backup',
      src_ip: '185.220.101.4',
      dst_ip: '10.20.4.21',
      link: expect.stringMatching(/^https:\/\/splunk\.corp\.example\.com:8000\//),
    })
  })

  it('does not take the Splunk server from results_link for an indicator', () => {
    const out = normalizeSplunk(payload, ENV)
    expect(out.observables.domains).not.toContain('splunk.corp.example.com')
    expect(out.observables.ips).toEqual(['185.220.101.4', '10.20.4.21'])
  })

  it('reads the numeric alert.severity (1-6) and defaults to medium', () => {
    const base = { search_name: 'X', sid: 's1' }
    expect(normalizeSplunk({ ...base, result: { alert_severity: '5' } }, ENV).severity).toBe('high')
    expect(normalizeSplunk({ ...base, result: { alert_severity: '6' } }, ENV).severity).toBe('critical')
    expect(normalizeSplunk({ ...base, result: {} }, ENV).severity).toBe('medium')
  })

  it('refuses what is not a Splunk webhook body', () => {
    expect(() => normalizeSplunk({ result: {} }, ENV)).toThrow(/search_name/)
  })
})
