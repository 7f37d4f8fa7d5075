import '@hono/zod-openapi'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ensureAdmin } from './bootstrap.ts'
import { createServer } from './create-server.ts'

/**
 * The server's OpenAPI document as JSON text, from a throwaway server over a temporary data dir (no
 * port is opened): the source of the editor's generated API types.
 * @example const doc = JSON.parse(await openApiDocumentText())
 */
export async function openApiDocumentText(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-openapi-'))
  const password = 'openapi-document-generator'
  const env = { BULWARK_ADMIN_USER: 'admin', BULWARK_ADMIN_PASSWORD: password, BULWARK_SECRET_KEY: undefined }
  const server = await createServer(
    { host: '127.0.0.1', port: 0, dataDir, webhookMaxBytes: 1 << 20, sessionTtlMs: 60_000 },
    { env, log: () => {} },
  )
  try {
    await ensureAdmin(server.deps.stores, env)
    const login = await server.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    })
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const res = await server.app.request('/api/openapi.json', { headers: { cookie } })
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`)
    return `${JSON.stringify(await res.json(), null, 2)}\n`
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
