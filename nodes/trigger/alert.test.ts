import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { NodeError } from '../../runtime/node-type.ts'
import { asResult, TEST_NOW, testContext } from '../test-context.ts'
import { alertSchema } from './alert/shape.ts'
import { normalizeAlert, triggerAlert } from './alert.ts'

function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../examples/alerts/${name}`, import.meta.url), 'utf8'))
}

async function run(trigger: unknown, format = 'auto') {
  const params = triggerAlert.params.parse({ format })
  return asResult(await triggerAlert.run({ params, input: {}, ctx: testContext({ trigger }) })).output
}

describe('trigger.alert', () => {
  it.each([
    ['splunk-webhook.json', 'splunk'],
    ['elastic-kibana.json', 'elastic'],
    ['wazuh-alert.json', 'wazuh'],
    ['sentinel-incident.json', 'sentinel'],
    ['ecs-generic.json', 'ecs'],
    ['phishing-report.json', 'ecs'],
  ])('detects %s as %s and outputs the documented shape with the raw payload', async (file, source) => {
    const payload = sample(file)
    const out = alertSchema.parse(await run(payload))
    expect(out.source).toBe(source)
    expect(out.raw).toEqual(payload)
    expect(Number.isNaN(Date.parse(out.timestamp))).toBe(false)
  })

  it('normalizes the phishing report: sender, refanged URLs and the sending IP', async () => {
    const out = alertSchema.parse(await run(sample('phishing-report.json')))
    expect(out).toMatchObject({
      title: 'User reported phishing',
      rule: { id: 'user-reported-phishing' },
      severity: 'medium',
      src_ip: '203.0.113.45',
      user: 'l.meyer',
    })
    expect(out.observables.urls).toEqual([
      'http://evil.example/login',
      'https://micros0ft-helpdesk.com/owa/verify?u=l.meyer',
    ])
    expect(out.observables.emails).toContain('it-support@micros0ft-helpdesk.com')
    expect(out.observables.domains).toEqual(
      expect.arrayContaining(['evil.example', 'micros0ft-helpdesk.com']),
    )
    expect(out.observables.hashes).toEqual([
      'a54d88e06612d820bc3be72877c74f257b561b19b0fd4d4bb01b8d6f4e8b5c31',
    ])
  })

  it('honours a fixed format and refuses payloads of another format', async () => {
    const wazuh = sample('wazuh-alert.json')
    expect((await run(wazuh, 'wazuh')) as { source: string }).toMatchObject({ source: 'wazuh' })
    await expect(run(wazuh, 'splunk')).rejects.toMatchObject({ code: 'ALERT_UNRECOGNIZED' })
    await expect(run(wazuh, 'sentinel')).rejects.toThrow(/incidentNumber/)
  })

  it('rejects payloads it cannot recognize, saying what it expected', async () => {
    for (const bad of [null, 'text', [1, 2], { foo: 1 }]) {
      const error = await run(bad).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(NodeError)
      expect(error).toMatchObject({ code: 'ALERT_UNRECOGNIZED', retryable: false })
      expect((error as Error).message).toMatch(/Splunk.*Wazuh.*Sentinel/)
    }
  })

  it('falls back to the run id and the clock when a generic alert has no id or time', () => {
    const out = normalizeAlert({ title: 'Port scan', severity: 'HIGH', src_ip: '198.51.100.9' }, 'auto', {
      now: TEST_NOW,
      fallbackId: 'run_9',
    })
    expect(out).toMatchObject({
      id: 'run_9',
      source: 'generic',
      severity: 'high',
      src_ip: '198.51.100.9',
      timestamp: new Date(TEST_NOW).toISOString(),
    })
  })
})
