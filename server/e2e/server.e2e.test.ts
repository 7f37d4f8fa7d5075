import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { loginHeaders, type ServerProcess, startServerProcess } from '../testing/server-process.ts'

/**
 * The real server process on 127.0.0.1: start, log in, token, OpenAPI, a test run with its SSE
 * events, then kill -9 and restart on the same data dir (data kept, no second admin).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PASSWORD = 'e2e-admin-password-long'
const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'))
let server: ServerProcess | undefined

async function startServer(): Promise<string> {
  server = await startServerProcess({
    dataDir,
    adminPassword: PASSWORD,
    env: { BULWARK_SKIP_EDITOR_BUILD: '1' },
  })
  return server.base
}

afterAll(async () => {
  await server?.kill9()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('bulwark-server process', () => {
  let token = ''

  it('starts, logs in, issues a token, serves the OpenAPI document', async () => {
    const base = await startServer()
    expect(server?.output()).not.toContain(PASSWORD)
    const res = await fetch(`${base}/api/tokens`, {
      method: 'POST',
      headers: await loginHeaders(base, 'admin', PASSWORD),
      body: JSON.stringify({ name: 'e2e' }),
    })
    expect(res.status).toBe(201)
    token = ((await res.json()) as { token: string }).token
    const doc = await fetch(`${base}/api/openapi.json`, { headers: { authorization: `Bearer ${token}` } })
    expect(doc.status).toBe(200)
    expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.0.3')

    const event = JSON.parse(readFileSync(join(ROOT, 'examples/alerts/phishing-report.json'), 'utf8'))
    const run = await fetch(`${base}/api/playbooks/phishing-triage/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ event, mode: 'test' }),
    })
    expect(run.status).toBe(202)
    const { runId } = (await run.json()) as { runId: string }
    const sse = await fetch(`${base}/api/runs/${runId}/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(10_000),
    })
    const text = await sse.text()
    expect(text).toContain('event: run.started')
    expect(text).toContain('event: run.finished')
  })

  it('survives kill -9: same data, same token, no second admin', async () => {
    await server?.kill9()
    const base = await startServer()
    const me = await fetch(`${base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    const users = await fetch(`${base}/api/users`, { headers: { authorization: `Bearer ${token}` } })
    const { items } = (await users.json()) as { items: { role: string }[] }
    expect(items.filter((u) => u.role === 'admin')).toHaveLength(1)
    const list = await fetch(`${base}/api/audit?action=playbook.import`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const imports = ((await list.json()) as { items: unknown[] }).items
    expect(imports.length).toBeGreaterThan(0)
    expect(new Set(imports.map((e) => (e as { target: string }).target)).size).toBe(imports.length)
  })
})
