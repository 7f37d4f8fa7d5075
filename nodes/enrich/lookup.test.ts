import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { enrichLookup } from './lookup.ts'

async function lookup(params: Record<string, unknown>) {
  const parsed = enrichLookup.params.parse(params)
  return asResult(await enrichLookup.run({ params: parsed, input: {}, ctx: testContext() }))
}

describe('enrich.lookup', () => {
  it('finds a key in a record table and returns its value', async () => {
    const table = { 'web-01': { owner: 'platform', tier: 1 }, 'fin-ws-0142': { owner: 'finance', tier: 2 } }
    expect(await lookup({ key: 'web-01', table })).toMatchObject({
      port: 'found',
      output: { found: true, value: { owner: 'platform', tier: 1 } },
    })
    expect(await lookup({ key: 'FIN-WS-0142', table, ignoreCase: true })).toMatchObject({ port: 'found' })
    expect(await lookup({ key: 'db-01', table })).toMatchObject({
      port: 'not_found',
      output: { found: false, value: null },
    })
  })

  it('finds a row by a key field path in a list of rows', async () => {
    const table = [
      { user: { name: 'ceo' }, vip: true },
      { user: { name: 'cfo' }, vip: true },
    ]
    const r = await lookup({ key: 'cfo', table, keyField: 'user.name' })
    expect(r.output).toMatchObject({ found: true, value: { user: { name: 'cfo' } } })
  })

  it('answers allow and deny lists', async () => {
    const allow = ['8.8.8.8', '1.1.1.1']
    expect(await lookup({ key: '8.8.8.8', table: allow, mode: 'allow' })).toMatchObject({
      port: 'found',
      output: { allowed: true },
    })
    expect((await lookup({ key: '9.9.9.9', table: allow, mode: 'allow' })).output).toMatchObject({
      allowed: false,
    })
    expect(await lookup({ key: 'svc_backup', table: ['svc_backup'], mode: 'deny' })).toMatchObject({
      port: 'found',
      output: { allowed: false },
    })
  })

  it('finds nothing for a missing key and compares numbers as strings', async () => {
    expect((await lookup({ table: { a: 1 } })).port).toBe('not_found')
    expect((await lookup({ key: 443, table: { '443': 'https' } })).output).toMatchObject({ value: 'https' })
  })
})
