import { describe, expect, it } from 'vitest'
import { registry, smallPlaybook } from '../test-fixtures.ts'
import { scriptTypings } from './script-typings.ts'

describe('scriptTypings', () => {
  it('declares the script context with the upstream nodes only', () => {
    const d = scriptTypings(smallPlaybook(), registry, 'score')
    expect(d).toMatch(/declare const input: \{\s*"ip": unknown/)
    expect(d).toMatch(/declare const trigger: \{\s*"host": string/)
    expect(d).toContain('"start": { output:')
    expect(d).toMatch(/"ip": \{ output: \{[^}]*"private": boolean/)
    expect(d).not.toContain('"side"')
    expect(d).toContain('declare const vars')
    expect(d).toContain('declare const console')
    expect(d).toContain('inCidr(ip: string, cidr: string): boolean')
  })
})
