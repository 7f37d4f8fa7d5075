import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

/**
 * The real server process on 127.0.0.1: start, log in, token, OpenAPI, a test run with its SSE
 * events, then kill -9 and restart on the same data dir (data kept, no second admin).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PASSWORD = 'e2e-admin-password-long'
const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'))
let child: ChildProcess | undefined
let stdout = ''

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createNetServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => done(port))
    })
  })
}

async function startServer(): Promise<string> {
  const port = await freePort()
  stdout = ''
  child = spawn(process.execPath, ['bin/bulwark-server.mjs', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, BULWARK_ADMIN_PASSWORD: PASSWORD, BULWARK_SECRET_KEY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => {
    stdout += String(d)
  })
  child.stderr?.on('data', () => {})
  const base = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return base
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`server did not come up: ${stdout}`)
}

function kill9(): Promise<void> {
  const c = child
  if (!c || c.exitCode !== null) return Promise.resolve()
  return new Promise((done) => {
    c.once('exit', () => done())
    c.kill('SIGKILL')
  })
}

afterAll(async () => {
  await kill9()
  rmSync(dataDir, { recursive: true, force: true })
})

async function login(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  })
  expect(res.status).toBe(200)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, csrfToken }
}

describe('bulwark-server process', () => {
  let token = ''

  it('starts, logs in, issues a token, serves the OpenAPI document', async () => {
    const base = await startServer()
    expect(stdout).not.toContain(PASSWORD)
    const { cookie, csrfToken } = await login(base)
    const res = await fetch(`${base}/api/tokens`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
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
    await kill9()
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
