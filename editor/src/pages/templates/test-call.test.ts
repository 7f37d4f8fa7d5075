import { describe, expect, it } from 'vitest'
import teamsPostMessage from '../../../../nodes/templates/starter/teams-post-message.json' with {
  type: 'json',
}
import vtIpReport from '../../../../nodes/templates/starter/virustotal-ip-report.json' with { type: 'json' }
import { parseTemplate } from '../../../../nodes/templates/validate.ts'
import { authText, defaultParams, simulateCall } from './test-call.ts'

const vt = parseTemplate(vtIpReport)
const vtBody = JSON.stringify({
  data: { attributes: { last_analysis_stats: { malicious: 7, suspicious: 1 }, country: 'DE' } },
})

describe('simulateCall', () => {
  it('renders the request without any credential and maps the response', () => {
    const r = simulateCall(vt, '{"ip": "185.220.101.1"}', { status: 200, body: vtBody })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.request.method).toBe('GET')
    expect(r.request.url).toBe('https://www.virustotal.com/api/v3/ip_addresses/185.220.101.1')
    expect(Object.keys(r.request.headers).map((h) => h.toLowerCase())).not.toContain('x-apikey')
    expect(r.auth).toBe('header x-apikey from credential type "virustotal-api-key"')
    expect(r.outcome).toMatchObject({
      output: { found: true, ip: '185.220.101.1', malicious: 7, country: 'DE' },
    })
  })

  it('applies the error mapping of a status', () => {
    const r = simulateCall(vt, '{"ip": "8.8.8.8"}', { status: 404, body: '' })
    expect(r).toMatchObject({ ok: true, outcome: { output: { found: false, ip: '8.8.8.8', malicious: 0 } } })
  })

  it('turns an unmapped failure into the error the node would raise', () => {
    const r = simulateCall(vt, '{"ip": "8.8.8.8"}', { status: 503, body: 'down' })
    expect(r).toMatchObject({ ok: true, outcome: { error: { code: 'UPSTREAM_ERROR' } } })
  })

  it('checks the params with the node type and names the wrong ones', () => {
    expect(simulateCall(vt, '{"ip": "not an ip"}', { status: 200, body: '{}' })).toMatchObject({
      ok: false,
      stage: 'params',
      problems: [{ path: 'params.ip', message: 'not a valid ip' }],
    })
    expect(simulateCall(vt, '{"ip": ', { status: 200, body: '{}' })).toMatchObject({
      ok: false,
      problems: [{ path: 'params', message: expect.stringMatching(/^not valid JSON/) }],
    })
  })

  it('keeps a URL credential out of the rendered request', () => {
    const teams = parseTemplate(teamsPostMessage)
    expect(authText(teams)).toBe('the whole URL is the credential from credential type "teams-webhook-url"')
    const r = simulateCall(teams, '{"title": "Alert", "text": "hello"}', { status: 202, body: '' })
    expect(r).toMatchObject({ ok: true, request: { method: 'POST', url: 'https://credential-url.invalid/' } })
  })
})

describe('defaultParams', () => {
  it('starts from each field’s default or an empty value', () => {
    expect(defaultParams(vt)).toEqual({ ip: '' })
  })
})
