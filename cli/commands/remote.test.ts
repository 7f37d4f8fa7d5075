import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import { type TestServer, testServer } from '../../server/routes/test-server.ts'
import { freePort } from '../../server/testing/server-process.ts'
import { exportCommand } from './export.ts'
import { importCommand } from './import.ts'

/**
 * `bulwark export` and `bulwark import` against a real server app over HTTP on 127.0.0.1.
 */
const registry = createBuiltinRegistry()
const EXAMPLE = join(import.meta.dirname, '../../examples/playbooks/phishing-triage.json')

let server: TestServer
let http: ReturnType<typeof serve>
let url: string
let champion: string
let viewer: string
let dir: string

beforeAll(async () => {
  server = await testServer()
  http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((resolve) => http.once('listening', resolve))
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  champion = (await server.as('champion')).token
  viewer = (await server.as('viewer')).token
  dir = await mkdtemp(join(tmpdir(), 'bulwark-remote-'))
})

afterAll(async () => {
  await new Promise((resolve) => http.close(resolve))
  await server.cleanup()
})

function capture() {
  const lines: string[] = []
  return {
    out: { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) },
    lines,
    text: () => lines.join('\n'),
  }
}

/** The phishing example under its own id and name, so each test starts from a playbook of its own. */
async function playbookFile(id: string, name = 'Phishing triage copy'): Promise<string> {
  const doc = JSON.parse(await readFile(EXAMPLE, 'utf8'))
  const file = join(dir, `${id}.json`)
  await writeFile(file, `${JSON.stringify({ ...doc, id, name }, null, 2)}\n`)
  return file
}

describe('bulwark import', () => {
  it('creates, leaves an identical draft alone, updates a changed one, and publishes once', async () => {
    const env = { BULWARK_SERVER: url, BULWARK_TOKEN: champion }
    const file = await playbookFile('triage-copy')
    const run = async (opts = {}) => {
      const c = capture()
      const code = await importCommand([file], opts, registry, c.out, env)
      return { code, text: c.text() }
    }
    expect(await run()).toEqual({ code: 0, text: `${file}: created triage-copy` })
    expect(await run()).toEqual({ code: 0, text: `${file}: triage-copy unchanged` })
    await playbookFile('triage-copy', 'Phishing triage, second edition')
    expect(await run({ publish: 'from git' })).toEqual({
      code: 0,
      text: `${file}: updated the draft of triage-copy; published version 1`,
    })
    expect(await run({ publish: 'again' })).toEqual({
      code: 0,
      text: `${file}: triage-copy unchanged; version 1 is already this file`,
    })
    const versions = await server.request('/api/playbooks/triage-copy/versions', {
      headers: { authorization: `Bearer ${champion}` },
    })
    expect((await versions.json()).items).toMatchObject([{ version: 1, note: 'from git' }])
  })

  it('checks files before sending them: an invalid one is listed with its problems and never sent', async () => {
    const file = join(dir, 'broken.json')
    await writeFile(
      file,
      JSON.stringify({
        format: 'bulwark.playbook/2',
        id: 'broken',
        name: 'B',
        nodes: [],
        edges: [{ from: 'a', to: 'b' }],
      }),
    )
    const c = capture()
    expect(
      await importCommand([file], {}, registry, c.out, { BULWARK_SERVER: url, BULWARK_TOKEN: champion }),
    ).toBe(2)
    expect(c.text()).toMatch(/broken\.json: error \$\.edges\[0\]/)
    const res = await server.request('/api/playbooks/broken', {
      headers: { authorization: `Bearer ${champion}` },
    })
    expect(res.status).toBe(404)
  })

  it('exits 2 when the token may not edit, or there is none, and never prints the token', async () => {
    const file = await playbookFile('triage-viewer')
    const c = capture()
    expect(
      await importCommand([file], {}, registry, c.out, { BULWARK_SERVER: url, BULWARK_TOKEN: viewer }),
    ).toBe(2)
    expect(c.text()).toMatch(/POST \/api\/playbooks: 403/)
    expect(c.text()).not.toContain(viewer)
    const none = capture()
    expect(await importCommand([file], {}, registry, none.out, { BULWARK_SERVER: url })).toBe(2)
    expect(none.text()).toMatch(/API token is needed/)
  })

  it('exits 1 when the server cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`
    const c = capture()
    const code = await importCommand(
      [await playbookFile('triage-offline')],
      { server: closed, token: 'x' },
      registry,
      c.out,
      {},
    )
    expect(code).toBe(1)
    expect(c.text()).toMatch(/cannot reach the server at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/)
  })
})

describe('bulwark export', () => {
  const env = () => ({ BULWARK_SERVER: url, BULWARK_TOKEN: viewer })

  it('writes the draft as the canonical file it was imported from, and a published version', async () => {
    const file = await playbookFile('triage-export')
    expect(
      await importCommand([file], { publish: 'v1' }, registry, capture().out, {
        BULWARK_SERVER: url,
        BULWARK_TOKEN: champion,
      }),
    ).toBe(0)
    const out = await mkdtemp(join(tmpdir(), 'bulwark-export-'))
    const c = capture()
    expect(await exportCommand(['triage-export'], { out }, c.out, env())).toBe(0)
    expect(await readFile(join(out, 'triage-export.json'), 'utf8')).toBe(await readFile(file, 'utf8'))
    let printed = ''
    expect(
      await exportCommand(['triage-export'], { out: '-', version: '1' }, c.out, env(), (s) => {
        printed += s
      }),
    ).toBe(0)
    expect(printed).toBe(await readFile(file, 'utf8'))
  })

  it('exports every playbook with --all, and says which ids do not exist', async () => {
    const out = await mkdtemp(join(tmpdir(), 'bulwark-export-all-'))
    expect(await exportCommand([], { all: true, out }, capture().out, env())).toBe(0)
    const files = await readdir(out)
    expect(files).toEqual(expect.arrayContaining(['triage-copy.json', 'triage-export.json']))
    const c = capture()
    expect(await exportCommand(['nope'], { out }, c.out, env())).toBe(2)
    expect(c.text()).toBe('nope: no such playbook')
    expect(await exportCommand(['a', 'b'], { out: '-' }, c.out, env())).toBe(2)
    expect(await exportCommand(['triage-copy'], { version: 'latest' }, c.out, env())).toBe(2)
  })
})
