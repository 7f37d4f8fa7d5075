import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8-length.ts'

describe('utf8Length', () => {
  it('counts bytes like TextEncoder for ASCII, 2-, 3- and 4-byte characters', () => {
    for (const s of ['', 'abc', 'é', '€uro', '😀 ok', 'mixed é€😀']) {
      expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length)
    }
  })
})
