import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runTestFile } from '../cli/commands/test.ts'
import { createBuiltinRegistry } from '../nodes/registry.ts'
import { parsePlaybook, toCanonical } from '../runtime/format/index.ts'

/** Examples are fixtures: every playbook validates, is canonical, and has passing playbook tests. */
const registry = createBuiltinRegistry()
const dir = (sub: string) => join(import.meta.dirname, sub)
const playbookFiles = (await readdir(dir('playbooks'))).filter((f) => f.endsWith('.json')).sort()
const testFiles = (await readdir(dir('tests'))).filter((f) => f.endsWith('.json')).sort()

describe.each(playbookFiles)('examples/playbooks/%s', (file) => {
  it('validates with no problem and is in canonical form', async () => {
    const text = await readFile(join(dir('playbooks'), file), 'utf8')
    const result = parsePlaybook(text, { registry })
    expect(result.problems).toEqual([])
    expect(toCanonical(result.playbook!)).toBe(text)
  })

  it('has a playbook test file', () => {
    expect(testFiles).toContain(file)
  })
})

describe.each(testFiles)('examples/tests/%s', (file) => {
  it('passes every case', async () => {
    const results = await runTestFile(join(dir('tests'), file), registry)
    expect(results.length).toBeGreaterThan(0)
    expect(results.filter((r) => !r.passed).map((r) => ({ name: r.name, failures: r.failures }))).toEqual([])
  })
})
