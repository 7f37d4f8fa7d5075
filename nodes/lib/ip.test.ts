import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyIp, inCidr, isCidr, isIp } from './ip.ts'

describe('classifyIp', () => {
  it.each([
    ['8.8.8.8', 'public', 'unicast'],
    ['10.0.0.1', 'private', 'private'],
    ['172.16.5.4', 'private', 'private'],
    ['192.168.1.1', 'private', 'private'],
    ['127.0.0.1', 'private', 'loopback'],
    ['169.254.169.254', 'private', 'linkLocal'],
    ['100.64.0.1', 'private', 'carrierGradeNat'],
    ['0.0.0.0', 'reserved', 'unspecified'],
    ['255.255.255.255', 'reserved', 'broadcast'],
    ['2606:4700::1111', 'public', 'unicast'],
    ['fd00::1', 'private', 'uniqueLocal'],
    ['::ffff:10.0.0.1', 'private', 'private'],
  ])('classifies %s as %s (%s)', (ip, cls, range) => {
    expect(classifyIp(ip)).toMatchObject({ class: cls, range })
  })

  it('accepts only dotted-quad IPv4 and valid IPv6', () => {
    for (const s of ['1.2.3', '0x7f.1', '256.1.1.1', '1.2.3.4.5', 'example.com', ''])
      expect(isIp(s)).toBe(false)
    fc.assert(fc.property(fc.ipV4(), (ip) => isIp(ip)))
    fc.assert(fc.property(fc.ipV6(), (ip) => classifyIp(ip)?.version === 6))
  })
})

describe('inCidr', () => {
  it('matches addresses against ranges and single addresses', () => {
    expect(inCidr('10.1.2.3', '10.0.0.0/8')).toBe(true)
    expect(inCidr('11.1.2.3', '10.0.0.0/8')).toBe(false)
    expect(inCidr('203.0.113.10', '203.0.113.10')).toBe(true)
    expect(inCidr('::ffff:10.1.2.3', '10.0.0.0/8')).toBe(true)
    expect(inCidr('2001:db8::1', '10.0.0.0/8')).toBe(false)
    expect(inCidr('garbage', '10.0.0.0/8')).toBe(false)
  })

  it('validates CIDRs', () => {
    expect(isCidr('10.0.0.0/8')).toBe(true)
    expect(isCidr('2001:db8::/32')).toBe(true)
    for (const s of ['10.0.0.0/33', '10/8', 'abc', '10.0.0.0/']) expect(isCidr(s)).toBe(false)
  })

  it('puts every address in its own /32 and in 0.0.0.0/0', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(inCidr(ip, `${ip}/32`)).toBe(true)
        expect(inCidr(ip, '0.0.0.0/0')).toBe(true)
      }),
    )
  })
})
