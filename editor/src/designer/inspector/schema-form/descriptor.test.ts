import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { actionHttp } from '../../../../../nodes/action/http.ts'
import { conditionIf } from '../../../../../nodes/condition/if.ts'
import { enrichIpInfo } from '../../../../../nodes/enrich/ip-info.ts'
import { enrichLookup } from '../../../../../nodes/enrich/lookup.ts'
import { flowApproval } from '../../../../../nodes/flow/approval.ts'
import { paramsSchema } from '../../../../../nodes/templates/fields.ts'
import { triggerManual } from '../../../../../nodes/trigger/manual.ts'
import { describeObject, type FieldDescriptor } from './descriptor.ts'
import { toJsonSchema } from './json-schema.ts'

function fields(schema: z.ZodType): Record<string, FieldDescriptor> {
  return Object.fromEntries(describeObject(toJsonSchema(schema)!).map((f) => [f.key, f]))
}

describe('describeObject', () => {
  it('turns the HTTP node params into text, number, enum, map, credential, variant and list fields', () => {
    const f = fields(actionHttp.params)
    expect(f.url).toMatchObject({ kind: 'text', label: 'URL', required: true, multiline: false })
    expect(f.method).toMatchObject({
      kind: 'enum',
      options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
      default: 'GET',
    })
    expect(f.timeoutMs).toMatchObject({
      kind: 'number',
      label: 'Timeout (ms)',
      integer: true,
      min: 100,
      max: 300_000,
    })
    expect(f.headers).toMatchObject({ kind: 'map', value: { kind: 'text' } })
    expect(f.query).toMatchObject({
      kind: 'map',
      value: { kind: 'value', accepts: ['string', 'number', 'boolean'] },
    })
    expect(f.credential).toMatchObject({ kind: 'credential', required: false })
    expect(f.body).toMatchObject({ kind: 'value', multiline: true })
    expect(f.body?.kind === 'value' && f.body.accepts).toBeUndefined()
    expect(f.expectStatus).toMatchObject({
      kind: 'list',
      item: { kind: 'value', accepts: ['integer', 'string'] },
    })
    const auth = f.auth
    expect(auth?.kind).toBe('variant')
    if (auth?.kind !== 'variant') return
    expect(auth.variants.map((v) => v.label)).toEqual(['bearer', 'basic', 'header', 'query'])
    expect(auth.variants[2]?.tag).toEqual({ key: 'kind', value: 'header' })
  })

  it('makes nested objects, multi-choice lists and long text from the approval params', () => {
    const f = fields(flowApproval.params)
    expect(f.message).toMatchObject({ kind: 'text', multiline: true, required: true })
    expect(f.approvers?.kind).toBe('object')
    if (f.approvers?.kind !== 'object') return
    const [users, roles] = f.approvers.fields
    expect(users).toMatchObject({ key: 'users', kind: 'list', item: { kind: 'text' } })
    expect(roles).toMatchObject({
      key: 'roles',
      kind: 'multi-enum',
      options: ['analyst', 'champion', 'responder', 'admin'],
    })
  })

  it('makes repeatable groups for lists of objects and maps of lists', () => {
    expect(fields(triggerManual.params).fields).toMatchObject({
      kind: 'list',
      item: {
        kind: 'object',
        fields: expect.arrayContaining([expect.objectContaining({ key: 'name', required: true })]),
      },
    })
    expect(fields(enrichIpInfo.params).lists).toMatchObject({
      kind: 'map',
      value: { kind: 'list', item: { kind: 'text' } },
    })
  })

  it('offers a variant choice for a value that is an object or a list', () => {
    const table = fields(enrichLookup.params).table
    expect(table?.kind).toBe('variant')
    if (table?.kind === 'variant') expect(table.variants.map((v) => v.label)).toEqual(['Object', 'List'])
  })

  it('finds a template credential and its type from the generated description', () => {
    const schema = paramsSchema({ ip: { type: 'string', required: true } }, 'abuseipdb-api-key')
    expect(fields(schema).credential).toMatchObject({
      kind: 'credential',
      credentialType: 'abuseipdb-api-key',
    })
  })

  it('honours an explicit credential hint on any key', () => {
    const schema = z.object({ account: z.string().meta({ 'x-credential': 'okta-token' }) })
    expect(fields(schema).account).toMatchObject({ kind: 'credential', credentialType: 'okta-token' })
  })

  it('falls back to a JSON field for recursive or unsupported shapes instead of failing', () => {
    const f = fields(conditionIf.params)
    expect(f.rules).toMatchObject({ kind: 'list' })
    const odd = fields(
      z.object({
        pair: z.tuple([z.string(), z.number()]),
        mixed: z.union([z.string(), z.array(z.string())]),
      }),
    )
    expect(odd.pair?.kind).toBe('json')
    const raw = describeObject({
      type: 'object',
      properties: {
        all: { allOf: [{ type: 'string' }] },
        never: { not: {} } as never,
        nil: { type: 'null' },
        ref: { $ref: 'elsewhere.json' },
      },
    })
    expect(raw.map((d) => d.kind)).toEqual(['json', 'json', 'json', 'json'])
    expect(odd.mixed?.kind).toBe('variant')
  })
})
