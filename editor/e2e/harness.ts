import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterEach } from 'vitest'
import { ensureEditor } from '../../bin/ensure-editor.mjs'
import { loginHeaders, type ServerProcess, startServerProcess } from '../../server/testing/server-process.ts'

/**
 * The editor's end-to-end harness: the built editor served by a real `bulwark-server` process on
 * 127.0.0.1 over a temporary data dir (examples imported), driven by Debian's Chromium through
 * playwright-core. Console errors and failed requests are collected so a test can assert there
 * were none; screenshots go to `test-artifacts/e2e/`.
 */

export const CHROMIUM = process.env.BULWARK_CHROMIUM ?? '/usr/bin/chromium'
export const ADMIN_PASSWORD = 'e2e-editor-admin-password'
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e/', import.meta.url))
/** Where the README's screenshots live; written only with `BULWARK_UPDATE_SCREENSHOTS=1`. */
export const README_SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
/** The password of every user a test creates with `session.createUser`. */
export const USER_PASSWORD = 'e2e-editor-user-password'

export type Role = 'viewer' | 'analyst' | 'champion' | 'responder' | 'admin'

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export interface EditorSession {
  server: ServerProcess
  browser: Browser
  context: BrowserContext
  page: Page
  /**
   * Console errors, page errors, failed requests and HTTP error answers seen so far (answers
   * announced with `expectHttpError` excepted).
   */
  errors: string[]
  /** Announces one HTTP error answer the UI is meant to handle (e.g. a 409 it resolves). */
  expectHttpError(method: string, path: string, status: number): void
  /**
   * Saves a full-page screenshot as `test-artifacts/e2e/<name>.png`. With `readme`, the screenshot is
   * of the viewport and is also written to `docs/screenshots/<name>.png` when
   * `BULWARK_UPDATE_SCREENSHOTS=1` (normal runs leave the tree alone).
   */
  screenshot(name: string, options?: { readme?: boolean }): Promise<string>
  /** Logs in through the login page. */
  login(username?: string, password?: string): Promise<void>
  /** Headers of an admin API session (cookie, CSRF token) for setting up through the API. */
  adminHeaders(): Promise<Record<string, string>>
  /** An API call as admin; throws on a non-2xx answer, returns the parsed JSON body. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>
  /** Creates a user with `USER_PASSWORD` through the API. */
  createUser(username: string, role: Role): Promise<void>
  close(): Promise<void>
}

/**
 * Builds the editor if needed, starts a server and a browser page on it.
 * @example const s = await openEditor(); await s.login(); await s.page.getByRole('link', { name: 'Runs' }).click()
 */
export async function openEditor(options: { viewport?: { width: number; height: number } } = {}) {
  await ensureEditor()
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-editor-e2e-'))
  const server = await startServerProcess({
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    env: { BULWARK_SKIP_EDITOR_BUILD: '1' },
  })
  // playwright-core gives each launch a fresh temporary profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS })
  const context = await browser.newContext({
    baseURL: server.base,
    viewport: options.viewport ?? { width: 1440, height: 900 },
  })
  const page = await context.newPage()
  // A hang guard only: a missing element fails the step well before the test's own timeout.
  page.setDefaultTimeout(15_000)
  const errors: string[] = []
  const expected: string[] = []
  page.on('console', (msg) => {
    // Chromium logs every 4xx/5xx answer this way, without its address: the 'response' listener
    // below records those with method and path instead.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource: the server responded'))
      errors.push(`console: ${msg.text()}`)
  })
  page.on('response', (res) => {
    if (res.status() < 400) return
    const key = `${res.request().method()} ${new URL(res.url()).pathname} ${res.status()}`
    const at = expected.indexOf(key)
    if (at >= 0) expected.splice(at, 1)
    else errors.push(`response: ${key}`)
  })
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`))
  page.on('requestfailed', (req) => {
    // An SSE stream or a poll cut short by navigation is not an error of the page.
    const failure = req.failure()?.errorText ?? ''
    if (!failure.includes('ERR_ABORTED')) errors.push(`request: ${req.method()} ${req.url()} ${failure}`)
  })
  mkdirSync(ARTIFACTS, { recursive: true })
  let admin: Promise<Record<string, string>> | undefined
  const session: EditorSession = {
    server,
    browser,
    context,
    page,
    errors,
    expectHttpError(method, path, status) {
      expected.push(`${method} ${path} ${status}`)
    },
    async screenshot(name, { readme = false } = {}) {
      const path = join(ARTIFACTS, `${name}.png`)
      await page.screenshot({ path, fullPage: !readme })
      if (readme && process.env.BULWARK_UPDATE_SCREENSHOTS === '1') {
        mkdirSync(README_SCREENSHOTS, { recursive: true })
        copyFileSync(path, join(README_SCREENSHOTS, `${name}.png`))
      }
      return path
    },
    async login(username = 'admin', password = ADMIN_PASSWORD) {
      await page.goto('/')
      await page.getByLabel(/user/i).fill(username)
      await page.getByLabel(/password/i).fill(password)
      await page.getByRole('button', { name: /log in|sign in/i }).click()
      await page.getByRole('navigation', { name: 'Main' }).waitFor()
    },
    adminHeaders() {
      admin ??= loginHeaders(server.base, 'admin', ADMIN_PASSWORD)
      return admin
    },
    async api<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`${server.base}${path}`, {
        method,
        headers: await session.adminHeaders(),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
      return (text === '' ? undefined : JSON.parse(text)) as T
    },
    async createUser(username, role) {
      await session.api('POST', '/api/users', { username, password: USER_PASSWORD, role })
    },
    async close() {
      await browser.close().catch(() => {})
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return session
}

/**
 * Saves a screenshot named after each failed test (`failed-<test name>.png`), to see what the page
 * showed when a step gave up. Call once at the top of a test file.
 * @example screenshotFailures(() => session)
 */
export function screenshotFailures(current: () => EditorSession | undefined) {
  afterEach(async (ctx) => {
    const session = current()
    if (!session || ctx.task.result?.state !== 'fail') return
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)
    await session.screenshot(`failed-${name}`).catch(() => {})
  })
}
