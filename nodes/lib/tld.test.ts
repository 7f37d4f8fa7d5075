import { describe, expect, it } from 'vitest'
import { isKnownTld } from './tld.ts'

describe('isKnownTld', () => {
  it('knows common generic and country TLDs', () => {
    for (const t of ['com', 'ORG', 'io', 'top', 'xyz', 'de', 'uk', 'ru', 'cn', 'example'])
      expect(isKnownTld(t)).toBe(true)
  })

  it('refuses file extensions, including the TLDs that are mostly file names', () => {
    for (const t of ['pdf', 'exe', 'docx', 'js', 'go', 'py', 'sh', 'md', 'zip', 'mov', 'json', 'log']) {
      expect(isKnownTld(t)).toBe(false)
    }
  })
})
