import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from '../app/create-server.ts'
import type { ServerConfig } from '../app/deps.ts'
import { silentLogger } from '../app/logger.ts'
import type { Role } from '../auth/roles.ts'
import type { Runner } from '../runner/types.ts'

const unusedRunner: Runner = {
  start: async () => {},
  stop: async () => {},
  enqueueRun: async () => {
    throw new Error('no runner in this test')
  },
  cancel: async () => {
    throw new Error('no runner in this test')
  },
  retry: async () => {
    throw new Error('no runner in this test')
  },
  decide: async () => {
    throw new Error('no runner in this test')
  },
  active: 0,
}

/**
 * A real server app over a temp data dir, for `app.request()` tests, with helpers that make a user
 * of a role and give its bearer headers or session cookie. `runner` defaults to a stub.
 */
export async function testServer(opts: { config?: Partial<ServerConfig>; runner?: Runner } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-routes-'))
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    webhookMaxBytes: 1 << 20,
    sessionTtlMs: 3600_000,
    ...opts.config,
  }
  const server = await createServer(config, {
    log: silentLogger,
    env: {},
    runner: () => opts.runner ?? unusedRunner,
    editorDir: join(dataDir, 'no-editor'),
  })
  const { users } = server.deps.stores
  let n = 0
  return {
    ...server,
    dataDir,
    request: (path: string, init?: RequestInit) => server.app.request(path, init),
    /** A new user of `role` and bearer headers of an API token acting with that role. */
    async as(role: Role, name = `${role}-${++n}`) {
      const user = await users.create({ username: name, password: 'correct horse battery', role })
      const { token } = await users.createApiToken({ userId: user.id, name: 'test', role })
      return {
        user,
        token,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      }
    },
    async cleanup() {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The server type the helpers return. */
export type TestServer = Awaited<ReturnType<typeof testServer>>
