import { describe, expect, it } from 'vitest'
import { ENV, loadSample } from './sample.ts'
import { isWazuh, normalizeWazuh, wazuhSeverity } from './wazuh.ts'

describe('normalizeWazuh', () => {
  const payload = loadSample('wazuh-alert.json')

  it('maps rule, agent and decoded data of an integration alert', () => {
    expect(isWazuh(payload)).toBe(true)
    expect(normalizeWazuh(payload, ENV)).toMatchObject({
      id: '1768464764.2210394',
      source: 'wazuh',
      rule: { id: '5712', name: expect.stringContaining('brute force') },
      severity: 'medium',
      score: 10,
      timestamp: '2026-01-15T08:12:44.331Z',
      host: 'bastion-02',
      user: 'admin',
      src_ip: '193.32.162.77',
      tags: ['syslog', 'sshd', 'authentication_failures'],
      observables: { ips: ['193.32.162.77'] },
    })
  })

  it('maps levels 0-15 onto severities', () => {
    expect([0, 3, 7, 12, 15].map(wazuhSeverity)).toEqual([
      'informational',
      'low',
      'medium',
      'high',
      'critical',
    ])
  })

  it('takes file hashes from syscheck (FIM) alerts', () => {
    const sha256 = 'a'.repeat(64)
    const fim = { ...payload, syscheck: { path: '/etc/passwd', sha256_after: sha256.toUpperCase() } }
    expect(normalizeWazuh(fim, ENV).observables.hashes).toEqual([sha256])
  })

  it('refuses alerts without a rule level', () => {
    expect(() => normalizeWazuh({ rule: { id: '1' }, agent: {} }, ENV)).toThrow(/level/)
  })
})
