import { describe, expect, it } from 'vitest'
import { minimalTemplate } from './testing/minimal.ts'
import { parseTemplate, TemplateValidationError, validateTemplate } from './validate.ts'

// biome-ignore lint/suspicious/noExplicitAny: the tests patch arbitrary nested fields of a raw template
function problemsOf(patch: (t: Record<string, any>) => void) {
  const t = minimalTemplate()
  patch(t)
  const r = validateTemplate(t)
  return r.ok ? [] : r.problems
}

describe('validateTemplate', () => {
  it('accepts a sound template', () => {
    expect(validateTemplate(minimalTemplate())).toMatchObject({ ok: true })
  })

  it('reports every shape problem with its path', () => {
    const problems = problemsOf((t) => {
      delete t.title
      t.version = 0
      t.category = 'transform'
      t.params.thing.type = 'text'
      t.docs = 'http://insecure.example.com'
    })
    expect(problems.map((p) => p.path).sort()).toEqual([
      'category',
      'docs',
      'params.thing.type',
      'title',
      'version',
    ])
  })

  it('rejects unknown keys (typos do not pass silently)', () => {
    expect(problemsOf((t) => (t.request.header = {}))).toEqual([expect.objectContaining({ path: 'request' })])
  })

  it('keeps template ids out of the built-in namespaces', () => {
    expect(problemsOf((t) => (t.id = 'enrich.ip-info'))).toEqual([
      { path: 'id', message: '"enrich" is a built-in namespace; use the vendor\'s name' },
    ])
    expect(problemsOf((t) => (t.id = 'NoDot'))[0]?.path).toBe('id')
  })

  it('requires expressions to be plain paths over declared params', () => {
    const p = (url: string) => problemsOf((t) => (t.request.url = url))
    expect(p('https://api.example.com/{{ params.nope }}')).toEqual([
      { path: 'request.url', message: '"{{ params.nope }}" names no declared param' },
    ])
    expect(p('https://api.example.com/{{ params.thing + 1 }}')[0]?.message).toMatch(/not a plain path/)
    expect(p('https://api.example.com/{{ trigger.ip }}')[0]?.message).toMatch(/must start with "params\."/)
    expect(p('https://api.example.com/{{ params.thing | shell }}')[0]?.message).toMatch(
      /unknown filter "shell"/,
    )
    expect(p('https://api.example.com/{{ params.thing')[0]?.message).toMatch(/unclosed/)
  })

  it('lets response mappings read response and params, not requests read response', () => {
    expect(problemsOf((t) => (t.request.headers = { 'X-Id': '{{ response.body.id }}' }))[0]?.path).toBe(
      'request.headers.X-Id',
    )
    expect(problemsOf((t) => (t.response.output.ok = '{{ response.status }}'))).toEqual([])
  })

  it('refuses URLs a param could redirect', () => {
    const p = (url: string) => problemsOf((t) => (t.request.url = url))
    expect(p('http://api.example.com/x')[0]?.message).toMatch(/must start with "https:\/\/"/)
    expect(p('{{ params.thing }}/x')[0]?.message).toMatch(/format "origin" or "url"/)
    expect(p('https://{{ params.thing }}.example.com/x')[0]?.message).toMatch(/needs format "hostname"/)
    expect(p('https://user@api.example.com/x')[0]?.message).toMatch(/no user info/)
    const withHost = problemsOf((t) => {
      t.params.host = { type: 'string', required: true, format: 'hostname' }
      t.request.url = 'https://{{ params.host }}/v1/{{ params.thing }}'
    })
    expect(withHost).toEqual([])
  })

  it('checks fields: formats on strings, enum types, defaults that fit', () => {
    const problems = problemsOf((t) => {
      t.params.n = { type: 'number', format: 'ip' }
      t.params.e = { type: 'string', enum: ['a', 1] }
    })
    expect(problems.map((p) => p.path).sort()).toEqual(['params.e.enum', 'params.n.format'])
    expect(problemsOf((t) => (t.params.ip = { type: 'string', format: 'ip', default: 'localhost' }))).toEqual(
      [{ path: 'params.ip.default', message: 'not a valid ip' }],
    )
    expect(problemsOf((t) => (t.params.credential = { type: 'string' }))[0]?.path).toBe('params.credential')
  })

  it('checks cross-field rules', () => {
    expect(problemsOf((t) => (t.containment = true))[0]?.path).toBe('containment')
    expect(problemsOf((t) => (t.request.body = { json: {} }))[0]?.message).toMatch(/GET request has no body/)
    expect(problemsOf((t) => (t.credential.auth = { type: 'url' }))[0]?.message).toMatch(/leave url out/)
    expect(problemsOf((t) => (t.errors = { 418: { code: 'teapot' } }))[0]?.path).toBe('errors.418.code')
  })

  it('parseTemplate throws one error listing every problem', () => {
    const t = minimalTemplate()
    t.id = 'flow.x'
    t.version = -1
    try {
      parseTemplate(t)
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(TemplateValidationError)
      expect((err as TemplateValidationError).code).toBe('INVALID_TEMPLATE')
      expect((err as Error).message).toContain('version:')
    }
  })
})
