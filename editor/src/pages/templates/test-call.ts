import { compileTemplate } from '../../../../nodes/templates/compile.ts'
import { type RenderedRequest, renderRequest } from '../../../../nodes/templates/request.ts'
import { mapResponse } from '../../../../nodes/templates/response.ts'
import type { IntegrationTemplate, TemplateField } from '../../../../nodes/templates/schema.ts'
import { NodeError } from '../../../../runtime/node-type.ts'
import type { PathProblem } from '../../lib/describe-error.ts'

/**
 * A template's "test call" in simulate mode, entirely in the browser: params checked by the compiled
 * node type, the request rendered (never sent, no credential applied), and a response the user
 * pastes mapped through the template's response and error mappings.
 */

/** Stands in for the credential when the credential is the whole URL (chat webhooks). */
const URL_PLACEHOLDER = 'https://credential-url.invalid/'

export interface SimulatedResponse {
  status: number
  body: string
}

export type TestCallResult =
  | { ok: false; stage: 'params' | 'request'; problems: PathProblem[] }
  | {
      ok: true
      request: RenderedRequest
      auth: string
      outcome: { output: Record<string, unknown> } | { error: { code: string; message: string } }
    }

function emptyValue(f: TemplateField): unknown {
  if (f.default !== undefined) return f.default
  if (f.enum?.length) return f.enum[0]
  return { string: '', number: 0, boolean: false, array: [], object: {} }[f.type]
}

/**
 * Params to start a test call with: each field's default, first choice or an empty value.
 * @example defaultParams(vtIpReport) // { ip: '' }
 */
export function defaultParams(t: IntegrationTemplate): Record<string, unknown> {
  return Object.fromEntries(Object.entries(t.params).map(([name, f]) => [name, emptyValue(f)]))
}

/**
 * How the credential would be applied, in words (its value is never part of a test call).
 * @example authText(vtIpReport) // 'header x-apikey from credential type "virustotal-api-key"'
 */
export function authText(t: IntegrationTemplate): string {
  const auth = t.credential?.auth ?? { type: 'none' as const }
  const from = t.credential ? ` from credential type "${t.credential.type}"` : ''
  switch (auth.type) {
    case 'none':
      return 'none'
    case 'header':
      return `header ${auth.name}${auth.prefix ? ` (prefix "${auth.prefix}")` : ''}${from}`
    case 'query':
      return `query parameter ${auth.name}${from}`
    case 'url':
      return `the whole URL is the credential${from}`
    case 'oauth2':
      return `OAuth2 client credentials (token from ${auth.tokenUrl})${from}`
    default:
      return `${auth.type}${from}`
  }
}

function parseParams(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; problem: PathProblem } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    return { ok: false, problem: { path: 'params', message: `not valid JSON: ${(err as Error).message}` } }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: { path: 'params', message: 'expected a JSON object of params' } }
  return { ok: true, value: value as Record<string, unknown> }
}

/**
 * Runs the test call. Never throws: bad params, a request that cannot be rendered and a response the
 * template maps to an error all come back as results.
 * @example simulateCall(t, '{"ip":"8.8.8.8"}', { status: 200, body: '{"data":{}}' })
 */
export function simulateCall(
  t: IntegrationTemplate,
  paramsText: string,
  response: SimulatedResponse,
): TestCallResult {
  const raw = parseParams(paramsText)
  if (!raw.ok) return { ok: false, stage: 'params', problems: [raw.problem] }
  const checked = compileTemplate(t).params.safeParse(raw.value)
  if (!checked.success)
    return {
      ok: false,
      stage: 'params',
      problems: checked.error.issues.map((i) => ({
        path: ['params', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    }
  const params = checked.data as Record<string, unknown>
  let request: RenderedRequest
  try {
    request = renderRequest(t, params, t.credential?.auth.type === 'url' ? URL_PLACEHOLDER : undefined)
  } catch (err) {
    return { ok: false, stage: 'request', problems: [{ path: 'request', message: (err as Error).message }] }
  }
  const res = {
    status: response.status,
    headers: { 'content-type': 'application/json' },
    body: response.body,
  }
  try {
    return { ok: true, request, auth: authText(t), outcome: { output: mapResponse(t, params, res) } }
  } catch (err) {
    const code = err instanceof NodeError ? err.code : 'MAPPING_FAILED'
    return {
      ok: true,
      request,
      auth: authText(t),
      outcome: { error: { code, message: (err as Error).message } },
    }
  }
}
