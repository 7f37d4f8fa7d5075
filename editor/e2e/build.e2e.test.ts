import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ensureEditor } from '../../bin/ensure-editor.mjs'

const DIST = fileURLToPath(new URL('../../dist/editor/', import.meta.url))

describe('the editor build', () => {
  // The test runner sets NODE_ENV=test, which made Vite build React's development bundle: it then
  // stayed in dist/editor, 25 % larger and slower, for every later `npm start` and benchmark.
  it('is a production build even when the test runner starts it', async () => {
    expect(process.env.NODE_ENV).toBe('test')
    await ensureEditor()
    expect(process.env.NODE_ENV).toBe('test')
    expect(existsSync(join(DIST, '.production-build'))).toBe(true)
    const scripts = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'))
    expect(scripts.some((f) => f.startsWith('jsx-dev-runtime'))).toBe(false)
    // Development JSX calls jsxDEV; the TypeScript language worker only names it.
    const app = scripts.filter((f) => !f.includes('worker'))
    const dev = app.filter((f) => readFileSync(join(DIST, 'assets', f), 'utf8').includes('jsxDEV'))
    expect(dev).toEqual([])
  }, 180_000)
})
