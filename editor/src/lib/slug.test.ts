import { describe, expect, it } from 'vitest'
import { slugify, uniqueId } from './slug.ts'

describe('slugify', () => {
  it('keeps lower-case letters and digits joined by single dashes', () => {
    expect(slugify('  Phishing -- Triage (v2)! ')).toBe('phishing-triage-v2')
    expect(slugify('Ça déborde')).toBe('ca-deborde')
    expect(slugify('***')).toBe('')
  })

  it('cuts at the maximum length without a trailing dash', () => {
    expect(slugify('abc def', 4)).toBe('abc')
  })
})

describe('uniqueId', () => {
  it('adds the first free number', () => {
    expect(uniqueId('x', new Set())).toBe('x')
    expect(uniqueId('x', new Set(['x', 'x-2']))).toBe('x-3')
  })
})
