import { describe, expect, it } from 'vitest'
import { NodeError } from '../../runtime/node-type.ts'
import { paramsSchema } from './fields.ts'
import { checkedUrl, renderRequest, renderUrl } from './request.ts'
import type { IntegrationTemplate } from './schema.ts'
import { minimalTemplate } from './testing/minimal.ts'
import { parseTemplate } from './validate.ts'

const t = parseTemplate(minimalTemplate())
const render = (params: Record<string, unknown>, patch: Partial<IntegrationTemplate['request']> = {}) =>
  renderRequest({ ...t, request: { ...t.request, ...patch } }, params)

describe('request rendering keeps the URL structure', () => {
  it.each([
    ['../x', '/v1/things/..%2Fx'],
    ['a&b=c', '/v1/things/a%26b%3Dc'],
    ['a?admin=1#frag', '/v1/things/a%3Fadmin%3D1%23frag'],
    ['a/../../admin', '/v1/things/a%2F..%2F..%2Fadmin'],
    ['%2e%2e', '/v1/things/%252e%252e'],
    ['ünï cødé', '/v1/things/%C3%BCn%C3%AF%20c%C3%B8d%C3%A9'],
  ])('encodes %j as one path segment', (thing, path) => {
    const url = new URL(render({ thing }).url)
    expect(url.host).toBe('api.example.com')
    expect(url.pathname).toBe(path)
    expect(url.search).toBe('')
  })

  it.each(['..', '.', ''])('refuses %j as a path segment (URL parsers would collapse it)', (thing) => {
    expect(() => render({ thing })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMS' }))
  })

  it('encodes query values and drops empty ones', () => {
    const url = new URL(render({ thing: 'x', filter: 'a&b=c#d' }).url)
    expect([...url.searchParams]).toEqual([['filter', 'a&b=c#d']])
    expect(url.search).toBe('?filter=a%26b%3Dc%23d')
    expect(new URL(render({ thing: 'x' }).url).search).toBe('')
  })

  it('refuses objects in the URL and line breaks in headers', () => {
    expect(() => render({ thing: { a: 1 } })).toThrow(NodeError)
    expect(() =>
      render({ thing: 'x', filter: 'v' }, { headers: { 'X-F': '{{ params.filter }}' } }),
    ).not.toThrow()
    expect(() =>
      render({ thing: 'x', filter: 'v\r\nX-Evil: 1' }, { headers: { 'X-F': '{{ params.filter }}' } }),
    ).toThrow(/line breaks/)
  })

  it('a host param cannot leave its domain: the field format refuses it, and encoding would break it anyway', () => {
    const host = paramsSchema({ site: { type: 'string', required: true, format: 'dns-label' } })
    for (const site of ['evil.com/', 'evil.com#', 'user@evil', 'evil:80', 'a.b'])
      expect(host.safeParse({ site }).success).toBe(false)
    expect(host.parse({ site: 'acme' })).toEqual({ site: 'acme' })
    // even without the format check, an encoded value cannot add a path, a port or user info
    for (const site of ['evil.com/x?', 'evil.com@', 'evil.com:443', 'evil.com#'])
      expect(() => checkedUrl(renderUrl('https://{{ params.site }}.atlassian.net/rest', { site }))).toThrow(
        NodeError,
      )
    expect(checkedUrl(renderUrl('https://{{ params.site }}.atlassian.net/rest', { site: 'acme' })).host).toBe(
      'acme.atlassian.net',
    )
  })

  it('inserts an origin param raw only at the start', () => {
    expect(renderUrl('{{ params.base }}/api/v1/case', { base: 'https://thehive.corp:9000' })).toBe(
      'https://thehive.corp:9000/api/v1/case',
    )
  })

  it('builds JSON and form bodies as data', () => {
    const json = render(
      { thing: 'x', filter: '"},"admin":true' },
      { method: 'POST', body: { json: { q: '{{ params.filter }}', n: 1 } } },
    )
    expect(JSON.parse(json.body!)).toEqual({ q: '"},"admin":true', n: 1 })
    expect(json.headers['Content-Type']).toBe('application/json')
    const form = render(
      { thing: 'x', filter: 'a&b=c' },
      { method: 'POST', body: { form: { url: '{{ params.filter }}' } } },
    )
    expect(form.body).toBe('url=a%26b%3Dc')
    expect(form.headers['Content-Type']).toBe('application/x-www-form-urlencoded')
  })
})
