import { describe, expect, it } from 'vitest'
import { error, hasErrors, jsonPath, quote, ValidationError, warning } from './problems.ts'

describe('jsonPath', () => {
  it('writes identifiers with dots, indices and other keys in brackets', () => {
    expect(jsonPath([])).toBe('$')
    expect(jsonPath(['nodes', 3, 'params', 'ip'])).toBe('$.nodes[3].params.ip')
    expect(jsonPath(['layout', 'a-b', 'x'])).toBe('$.layout["a-b"].x')
  })

  it('shortens keys too long to echo', () => {
    expect(jsonPath(['vars', 'k'.repeat(5000)])).toBe(`$.vars["${'k'.repeat(80)}…"]`)
    expect(quote('a"b')).toBe('"a\\"b"')
  })
})

describe('ValidationError', () => {
  it('summarises the first error and keeps every problem', () => {
    const problems = [
      warning('UNREACHABLE', 'node "x" is unreachable', '$.nodes[1]', 'x'),
      error('CYCLE', 'a → b → a', '$.edges[0]'),
      error('DANGLING_EDGE', 'edge to "z"', '$.edges[1]'),
    ]
    const e = new ValidationError(problems)
    expect(e).toBeInstanceOf(Error)
    expect(e.message).toBe('$.edges[0]: a → b → a (and 2 more)')
    expect(e.problems).toHaveLength(3)
    expect(hasErrors(problems)).toBe(true)
    expect(hasErrors([problems[0]!])).toBe(false)
  })
})
