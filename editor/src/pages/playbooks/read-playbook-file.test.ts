import { describe, expect, it } from 'vitest'
import { readPlaybookFile } from './read-playbook-file.ts'

describe('readPlaybookFile', () => {
  it('reads a JSON object, with or without a byte-order mark', () => {
    expect(readPlaybookFile('\uFEFF{"id":"x"}')).toEqual({ ok: true, value: { id: 'x' } })
  })

  it('says where the JSON is broken, naming the file', () => {
    const r = readPlaybookFile('{\n  "id": }', 'triage.json')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toMatch(/^triage\.json is not valid JSON \(line 2, column 9/)
  })

  it('refuses JSON that is not an object', () => {
    const r = readPlaybookFile('[1, 2]', 'list.json')
    expect(r).toEqual({ ok: false, message: 'list.json does not hold a playbook (expected a JSON object)' })
  })
})
