import { describe, expect, it } from 'vitest'
import { createAddressPolicy } from './address-policy.ts'

describe('createAddressPolicy', () => {
  const strict = createAddressPolicy()

  it.each([
    ['127.0.0.1', 'loopback address'],
    ['127.255.0.9', 'loopback address'],
    ['::1', 'loopback address'],
    ['0.0.0.0', 'unspecified ("this network") address'],
    ['10.0.0.1', 'private address'],
    ['172.31.255.1', 'private address'],
    ['192.168.1.1', 'private address'],
    ['100.64.0.1', 'carrier-grade NAT address'],
    ['169.254.1.1', 'link-local address'],
    ['169.254.169.254', 'cloud metadata address'],
    ['fd00:ec2::254', 'cloud metadata address'],
    ['fd12:3456::1', 'unique-local (private) address'],
    ['fe80::1', 'link-local address'],
    ['224.0.0.1', 'multicast address'],
    ['ff02::1', 'multicast address'],
    ['255.255.255.255', 'reserved or broadcast address'],
    ['::ffff:127.0.0.1', 'loopback address'],
    ['::ffff:a9fe:a9fe', 'cloud metadata address'],
    ['64:ff9b::a00:1', 'private address'],
    ['2002:7f00:1::', 'loopback address'],
    ['2130706433', 'loopback address'],
    ['0x7f.1', 'loopback address'],
  ])('blocks %s (%s)', (ip, reason) => {
    expect(strict.check(ip)).toBe(reason)
  })

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('lets %s through', (ip) => {
    expect(strict.check(ip)).toBeUndefined()
  })

  it('allowPrivate opens private ranges but not loopback or metadata', () => {
    const p = createAddressPolicy({ allowPrivate: true })
    expect(p.check('10.1.2.3')).toBeUndefined()
    expect(p.check('fd12::1')).toBeUndefined()
    expect(p.check('127.0.0.1')).toBe('loopback address')
    expect(p.check('169.254.169.254')).toBe('cloud metadata address')
  })

  it('allowCidrs open exactly their range; denyCidrs always win', () => {
    const p = createAddressPolicy({
      allowCidrs: ['127.0.0.1/32', '10.20.0.0/16'],
      denyCidrs: ['10.20.5.0/24'],
    })
    expect(p.check('127.0.0.1')).toBeUndefined()
    expect(p.check('::ffff:127.0.0.1')).toBeUndefined()
    expect(p.check('127.0.0.2')).toBe('loopback address')
    expect(p.check('10.20.1.1')).toBeUndefined()
    expect(p.check('10.20.5.1')).toBe('in a denied range (10.20.5.0/24)')
    expect(createAddressPolicy({ denyCidrs: ['8.8.8.0/24'] }).check('8.8.8.8')).toMatch(/denied/)
  })

  it('rejects invalid CIDRs at once', () => {
    expect(() => createAddressPolicy({ allowCidrs: ['10.0.0.0/33'] })).toThrow(/invalid CIDR/)
    expect(() => createAddressPolicy({ denyCidrs: ['nope'] })).toThrow(/invalid CIDR/)
  })
})
