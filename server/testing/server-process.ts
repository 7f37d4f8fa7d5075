import { type ChildProcess, spawn } from 'node:child_process'
import { createServer as createNetServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { startCommand } from './start-command.ts'

/**
 * The real Bulwark server as a child process on 127.0.0.1, for end-to-end tests and benchmarks:
 * start it on a free port over a data dir, log in, stop it gracefully or with kill -9.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A free TCP port on 127.0.0.1 (asked from the OS, released before returning). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createNetServer()
    srv.once('error', fail)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => done(port))
    })
  })
}

export interface ServerProcessOptions {
  dataDir: string
  adminPassword: string
  adminUser?: string
  /** Extra environment (merged over `process.env`). */
  env?: Record<string, string>
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[]
  /** How long to wait for `/healthz`; default 20 s. */
  startTimeoutMs?: number
}

export interface ServerProcess {
  base: string
  child: ChildProcess
  /** The last 20 kB of stdout and stderr, for failure messages. */
  output(): string
  /** SIGTERM, then SIGKILL after 15 s. */
  stop(): Promise<void>
  /** kill -9. */
  kill9(): Promise<void>
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null
}

/**
 * Starts `bin/bulwark-server.mjs` on a free port and waits until `/healthz` answers.
 * @example const server = await startServerProcess({ dataDir, adminPassword: 'long-password-1' })
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort()
  let output = ''
  // The same process `npm start` runs: its environment, node flags and script.
  const start = startCommand()
  const child = spawn(
    process.execPath,
    [
      ...start.nodeArgs,
      ...(options.nodeArgs ?? []),
      start.script,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--data-dir',
      options.dataDir,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...start.env,
        BULWARK_ADMIN_USER: options.adminUser ?? 'admin',
        BULWARK_ADMIN_PASSWORD: options.adminPassword,
        BULWARK_SECRET_KEY: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const keep = (d: unknown) => {
    output = (output + String(d)).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const base = `http://127.0.0.1:${port}`
  const signal = (sig: NodeJS.Signals, graceMs?: number) => {
    if (exited(child)) return Promise.resolve()
    return new Promise<void>((done) => {
      const timer = graceMs ? setTimeout(() => child.kill('SIGKILL'), graceMs) : undefined
      child.once('exit', () => {
        clearTimeout(timer)
        done()
      })
      child.kill(sig)
    })
  }
  const server: ServerProcess = {
    base,
    child,
    output: () => output,
    stop: () => signal('SIGTERM', 15_000),
    kill9: () => signal('SIGKILL'),
  }
  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000)
  while (Date.now() < deadline && !exited(child)) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return server
    } catch {}
    await new Promise((r) => setTimeout(r, 50))
  }
  await server.kill9()
  throw new Error(`the server did not come up:\n${output}`)
}

/**
 * Logs in and returns the headers of that session: cookies, CSRF token, JSON content type.
 * @example const headers = await loginHeaders(server.base, 'admin', password)
 */
export async function loginHeaders(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }
}
