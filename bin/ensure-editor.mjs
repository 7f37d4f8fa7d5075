// Builds the editor into dist/editor when the build is missing or older than its sources (the
// editor, and the runtime/ and nodes/ code it bundles), so `npm install && npm start` serves it on a
// fresh clone. Concurrent starts wait for one build (a lock directory). Skipped when
// BULWARK_SKIP_EDITOR_BUILD=1 or when vite is not installed (production installs without dev
// dependencies ship a prebuilt dist/editor). Always a production build, whatever NODE_ENV says: a
// build started from the test runner (NODE_ENV=test) used to ship React's development bundle, 25 %
// larger and slower, to every later `npm start`.
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const OUT = join(ROOT, 'dist/editor/index.html')
/** Written after a production build (a build without it, e.g. a development one, is rebuilt). */
const PRODUCTION = join(ROOT, 'dist/editor/.production-build')
const LOCK = join(ROOT, 'dist/.editor-build.lock')
const SOURCES = ['editor', 'runtime', 'nodes', 'vite.config.ts', 'package-lock.json']
const STALE_LOCK_MS = 180_000

function newest(path) {
  let st
  try {
    st = statSync(path)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.mtimeMs
  let max = 0
  for (const entry of readdirSync(path)) {
    if (
      entry === 'node_modules' ||
      entry === 'e2e' ||
      entry.endsWith('.test.ts') ||
      entry.endsWith('.test.tsx')
    )
      continue
    max = Math.max(max, newest(join(path, entry)))
  }
  return max
}

function builtAt() {
  try {
    return statSync(OUT).mtimeMs
  } catch {
    return 0
  }
}

const fresh = () =>
  existsSync(PRODUCTION) && builtAt() >= Math.max(...SOURCES.map((s) => newest(join(ROOT, s))))
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

function takeLock() {
  mkdirSync(join(ROOT, 'dist'), { recursive: true })
  try {
    mkdirSync(LOCK)
    return true
  } catch {
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true })
    } catch {}
    return false
  }
}

/** Builds the editor if needed; resolves when dist/editor is current (or the build was skipped). */
export async function ensureEditor(log = (msg) => process.stderr.write(`${msg}\n`)) {
  if (process.env.BULWARK_SKIP_EDITOR_BUILD === '1' || fresh()) return
  let vite
  try {
    vite = await import('vite')
  } catch {
    log('bulwark: the editor is not built and vite is not installed; serving the API only')
    return
  }
  while (!takeLock()) {
    await sleep(250)
    if (fresh()) return
  }
  try {
    if (fresh()) return
    log('bulwark: building the editor (first start or changed sources)…')
    const started = Date.now()
    // Vite and the React plugin read NODE_ENV, not the mode, to choose production JSX and React.
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await vite.build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' })
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = nodeEnv
    }
    writeFileSync(PRODUCTION, `${new Date().toISOString()}\n`)
    log(`bulwark: editor built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}
