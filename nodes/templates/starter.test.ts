import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeError, type NodeType } from '../../runtime/node-type.ts'
import { asResult, testContext } from '../test-context.ts'
import { starterTemplates, templateNodeTypes } from './load.ts'
import { actionCases } from './testing/action-cases.ts'
import type { ExpectedRequest, StarterCase } from './testing/cases.ts'
import { intelCases } from './testing/intel-cases.ts'
import { type RecordedRequest, type Stub, startStub } from './testing/stub-server.ts'
import { ticketCases } from './testing/ticket-cases.ts'
import { virusTotalCases } from './testing/vt-cases.ts'

/**
 * Every starter template runs against a real HTTP stub on 127.0.0.1: the exact requests it sends
 * (method, host, path, query, headers with auth, body) and the output it maps are checked.
 */

const cases: StarterCase[] = [...virusTotalCases, ...intelCases, ...actionCases, ...ticketCases]
let stub: Stub
beforeAll(async () => {
  stub = await startStub()
})
afterAll(() => stub.close())

function typeOf(id: string): NodeType {
  const t = templateNodeTypes().find((x) => x.type === id)
  if (!t) throw new Error(`no starter template ${id}`)
  return t
}

function expectRequest(got: RecordedRequest | undefined, want: ExpectedRequest): void {
  expect(got, `request to ${want.host}${want.path}`).toBeDefined()
  const r = got!
  expect({ method: r.method, host: r.host, path: r.path }).toEqual({
    method: want.method,
    host: want.host,
    path: want.path,
  })
  expect(r.query).toEqual(want.query ?? {})
  for (const [name, value] of Object.entries(want.headers ?? {})) expect(r.headers[name], name).toBe(value)
  if (want.json !== undefined) expect(JSON.parse(r.body)).toEqual(want.json)
  else if (want.form !== undefined) expect(Object.fromEntries(new URLSearchParams(r.body))).toEqual(want.form)
  else if (want.method === 'GET') expect(r.body).toBe('')
}

async function runCase(c: StarterCase) {
  const type = typeOf(c.id)
  const credential = starterTemplates().find((t) => t.id === c.id)?.credential?.type ?? ''
  stub.script(c.exchanges.map((e) => e.reply))
  const ctx = testContext({ http: stub.http, secretValues: { [credential]: c.secret } })
  const params = type.params.parse(c.params)
  try {
    return { result: asResult(await type.run({ params, input: {}, ctx })), logs: ctx.logs }
  } catch (err) {
    return { err, logs: ctx.logs }
  }
}

describe('starter templates against a stub server', () => {
  it('covers every starter template', () => {
    const covered = new Set(cases.filter((c) => !c.error).map((c) => c.id))
    for (const t of starterTemplates()) expect(covered.has(t.id), t.id).toBe(true)
  })

  it.each(cases.map((c) => [c.name ? `${c.id}: ${c.name}` : c.id, c] as const))('%s', async (_, c) => {
    const { result, err, logs } = await runCase(c)
    expect(stub.requests).toHaveLength(c.exchanges.length)
    for (const [i, e] of c.exchanges.entries()) expectRequest(stub.requests[i], e.expect)
    if (c.error) {
      expect(err).toBeInstanceOf(NodeError)
      const e = err as NodeError
      expect({ code: e.code, retryable: e.retryable }).toEqual({
        code: c.error.code,
        retryable: c.error.retryable,
      })
      if (c.error.message) expect(e.message).toMatch(c.error.message)
      for (const part of c.secret.split(':')) expect(e.message).not.toContain(part)
    } else {
      if (err) throw err
      expect(result?.output).toEqual(c.output)
      expect(result?.port).toBe('out')
    }
    expect(JSON.stringify({ output: result?.output ?? null, logs })).not.toContain(c.secret)
  })

  it('returns the sample in simulate mode metadata: actions have side effects, lookups do not', () => {
    for (const t of starterTemplates()) {
      expect(t.sideEffects, t.id).toBe(t.category === 'action')
      const type = typeOf(t.id)
      expect(type.sample, t.id).toEqual(t.sample)
      // the sample has the shape of a real output: every key is declared in outputSchema
      for (const key of Object.keys(t.sample))
        expect(Object.keys(t.outputSchema ?? {}), `${t.id}.${key}`).toContain(key)
    }
  })
})
