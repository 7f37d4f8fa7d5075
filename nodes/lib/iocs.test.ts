import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defang } from './defang.ts'
import { extractIocs, IOC_LIMITS } from './iocs.ts'

describe('extractIocs', () => {
  it('finds every defanged domain and public IPv4 again', () => {
    fc.assert(
      fc.property(fc.domain(), fc.ipV4(), (domain, ip) => {
        const found = extractIocs(`seen ${defang(domain)} and ${defang(ip)} today`)
        expect(found.ips.map((i) => i.value)).toContain(ip)
        // fast-check domains may end in any TLD; the ones we know must be found
        if (/\.(com|net|org|io)$/.test(domain)) expect(found.domains).toContain(domain.toLowerCase())
      }),
    )
  })

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => void extractIocs(value)))
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => void extractIocs(value)))
  })

  it('stops at the scan limits and says so', () => {
    const deep: unknown[] = []
    let cur = deep
    for (let i = 0; i < IOC_LIMITS.maxDepth + 5; i++) {
      const next: unknown[] = []
      cur.push(next)
      cur = next
    }
    cur.push('8.8.8.8')
    expect(extractIocs(deep)).toMatchObject({ ips: [], truncated: true })
    expect(extractIocs(['1.1.1.1']).truncated).toBe(false)
  })
})
