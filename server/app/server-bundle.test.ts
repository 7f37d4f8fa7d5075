import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { compiledServer } from '../../bin/server-bundle.mjs'

const out = mkdtempSync(join(tmpdir(), 'bulwark-bundle-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('the compiled server (bin/server-bundle.mjs)', () => {
  it('builds the server and its sandbox workers, which start from compiled files, not tsx', async () => {
    const entry = await compiledServer(out)
    expect(entry).toBe(`file://${join(out, 'main.mjs')}`)
    const main = readFileSync(join(out, 'main.mjs'), 'utf8')
    expect(main).toContain('"./sandbox-worker.mjs"')
    expect(main).not.toContain('worker-boot.mjs')
    for (const worker of ['sandbox-worker.mjs', 'expression-worker.mjs'])
      expect(readFileSync(join(out, worker), 'utf8')).not.toMatch(/from "tsx|tsx\/esm/)
    // Files next to the sources (migrations, examples) are found from the bundle's location.
    expect(main).toMatch(/new URL\("\.\.\/[^"]*server\/db\/open\.ts", import\.meta\.url\)/)
  })

  it('rebuilds only when an input changed', async () => {
    await compiledServer(out)
    const built = statSync(join(out, 'main.mjs')).mtimeMs
    await compiledServer(out)
    expect(statSync(join(out, 'main.mjs')).mtimeMs).toBe(built)
    const stamp = join(out, 'inputs.json')
    writeFileSync(stamp, JSON.stringify({ ...JSON.parse(readFileSync(stamp, 'utf8')), fingerprint: 'stale' }))
    await compiledServer(out)
    expect(statSync(join(out, 'main.mjs')).mtimeMs).toBeGreaterThan(built)
  })
})
