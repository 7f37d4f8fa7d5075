import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import { fmtCommand } from './fmt.ts'
import { runCommand } from './run.ts'
import { testCommand } from './test.ts'
import { validateCommand } from './validate.ts'

const registry = createBuiltinRegistry()
const example = join(import.meta.dirname, '../../examples/playbooks/phishing-triage.json')
const alert = join(import.meta.dirname, '../../examples/alerts/phishing-report.json')

/** Collects what a command prints. */
function capture() {
  const lines: string[] = []
  const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) } as unknown as Console
  return { lines, out, text: () => lines.join('\n') }
}

async function tempFile(name: string, content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bulwark-cli-'))
  const file = join(dir, name)
  await writeFile(file, content)
  return file
}

const broken = {
  format: 'bulwark.playbook/2',
  id: 'broken',
  name: 'Broken',
  nodes: [
    { id: 'a', type: 'trigger.webhook', version: 1, params: {} },
    { id: 'b', type: 'transform.set', version: 7, params: {} },
  ],
  edges: [
    { from: 'a', to: 'b' },
    { from: 'b', to: 'ghost' },
  ],
}

describe('bulwark validate', () => {
  it('accepts the example and exits 0', async () => {
    const c = capture()
    expect(await validateCommand([example], registry, c.out)).toBe(0)
    expect(c.text()).toContain('phishing-triage.json: ok')
  })

  it('lists every problem with its path and node id, and exits 2', async () => {
    const file = await tempFile('broken.json', JSON.stringify(broken))
    const c = capture()
    expect(await validateCommand([file], registry, c.out)).toBe(2)
    expect(c.text()).toMatch(/UNKNOWN_NODE_VERSION .*\[node b\]/)
    expect(c.text()).toMatch(/\$\.edges\[1\]\.to: DANGLING_EDGE/)
  })

  it('reports malformed JSON with line and column', async () => {
    const file = await tempFile('bad.json', '{\n  "id": "x",\n  oops\n}')
    const c = capture()
    expect(await validateCommand([file], registry, c.out)).toBe(2)
    expect(c.text()).toMatch(/INVALID_JSON line 3, column 3/)
  })
})

describe('bulwark validate on folders', () => {
  it('finds the playbooks under a folder and skips other JSON files', async () => {
    const c = capture()
    expect(await validateCommand([join(import.meta.dirname, '../../examples')], registry, c.out)).toBe(0)
    expect(c.text()).toContain('phishing-triage.json: ok')
    expect(c.text()).not.toContain('alerts')
  })
})

describe('bulwark fmt', () => {
  it('--check flags a non-canonical file, then fmt makes it canonical without changing logic', async () => {
    const text = await readFile(example, 'utf8')
    const file = await tempFile('pb.json', JSON.stringify(JSON.parse(text)))
    const c = capture()
    expect(await fmtCommand([file], { check: true }, registry, c.out)).toBe(1)
    expect(c.text()).toContain('not in canonical form')
    expect(await fmtCommand([file], {}, registry, c.out)).toBe(0)
    expect(await readFile(file, 'utf8')).toBe(text)
    expect(await fmtCommand([file], { check: true }, registry, capture().out)).toBe(0)
  })

  it('leaves an invalid file untouched', async () => {
    const content = JSON.stringify(broken)
    const file = await tempFile('broken.json', content)
    expect(await fmtCommand([file], {}, registry, capture().out)).toBe(2)
    expect(await readFile(file, 'utf8')).toBe(content)
  })
})

describe('bulwark run', () => {
  it('runs the example against a sample alert and prints the trace', async () => {
    const c = capture()
    expect(
      await runCommand(example, { event: alert, simulate: true, color: false }, registry, {}, c.out),
    ).toBe(0)
    expect(c.text()).toMatch(/✔ ticket/)
    expect(c.text()).toMatch(/approve_block skipped/)
    expect(c.text()).toMatch(/run finished succeeded/)
  })

  it('prints a JSON summary with the status, outputs and every step', async () => {
    const c = capture()
    expect(await runCommand(example, { event: alert, simulate: true, json: true }, registry, {}, c.out)).toBe(
      0,
    )
    const summary = JSON.parse(c.text())
    expect(summary.status).toBe('succeeded')
    expect(summary.output.suspicious).toBe(true)
    expect(summary.steps).toContainEqual({ node: 'approve_block', status: 'skipped' })
    expect(summary.steps).toContainEqual({ node: 'suspicious', status: 'succeeded', ports: ['true'] })
  })

  it('prints event JSON lines with increasing sequence numbers', async () => {
    const c = capture()
    await runCommand(example, { event: alert, simulate: true, events: true }, registry, {}, c.out)
    const events = c.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l))
    expect(events[0].type).toBe('run.started')
    expect(events.at(-1).type).toBe('run.finished')
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i))
  })

  it('explains an event file that is not JSON', async () => {
    const bad = await tempFile('event.json', '{nope')
    const c = capture()
    expect(await runCommand(example, { event: bad }, registry, {}, c.out)).toBe(2)
    expect(c.text()).toMatch(/event is not valid JSON/)
  })

  it('refuses to run an invalid playbook and exits 2', async () => {
    const file = await tempFile('broken.json', JSON.stringify(broken))
    const c = capture()
    expect(await runCommand(file, {}, registry, {}, c.out)).toBe(2)
    expect(c.text()).toContain('DANGLING_EDGE')
  })
})

describe('bulwark test', () => {
  it('reports a failing expectation with what actually happened', async () => {
    const spec = {
      playbook: example,
      cases: [{ name: 'wrong port', eventFile: alert, expect: { ports: { by_severity: ['urgent'] } } }],
    }
    const file = await tempFile('t.json', JSON.stringify(spec))
    const c = capture()
    const junit = join(file, '..', 'junit.xml')
    expect(await testCommand([file], { junit }, registry, {}, c.out)).toBe(1)
    expect(await readFile(junit, 'utf8')).toContain(
      '<failure message="node &quot;by_severity&quot; fired [default]',
    )
    expect(c.text()).toContain('node "by_severity" fired [default], expected [urgent]')
    expect(c.text()).toContain('0 passed, 1 failed')
  })
})
