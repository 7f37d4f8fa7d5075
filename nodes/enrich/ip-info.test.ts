import { describe, expect, it } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { enrichIpInfo } from './ip-info.ts'

const lists = {
  vpn: ['10.8.0.0/16'],
  tor_exits: ['185.220.100.0/22', '2a0b:f4c0::/32'],
  office: ['203.0.113.10'],
}

async function info(ip: string) {
  const params = enrichIpInfo.params.parse({ ip, lists })
  return asResult(await enrichIpInfo.run({ params, input: {}, ctx: testContext() }))
}

describe('enrich.ip-info', () => {
  it('classifies a public address and names the lists that contain it', async () => {
    expect(await info('185.220.101.4')).toMatchObject({
      port: 'out',
      output: {
        valid: true,
        version: 4,
        class: 'public',
        private: false,
        public: true,
        matches: ['tor_exits'],
      },
    })
    expect((await info('203.0.113.10')).output).toMatchObject({ class: 'reserved', matches: ['office'] })
  })

  it('flags private and reserved addresses, IPv6 included', async () => {
    expect((await info('10.8.3.4')).output).toMatchObject({
      class: 'private',
      range: 'private',
      matches: ['vpn'],
    })
    expect((await info('::1')).output).toMatchObject({ version: 6, class: 'private', range: 'loopback' })
    expect((await info('2a0b:f4c0:0:0::7')).output).toMatchObject({
      ip: '2a0b:f4c0::7',
      matches: ['tor_exits'],
    })
    expect((await info('224.0.0.1')).output).toMatchObject({ class: 'reserved', range: 'multicast' })
  })

  it('fires invalid for something that is not an address', async () => {
    expect(await info('evil.example')).toMatchObject({
      port: 'invalid',
      output: { valid: false, matches: [] },
    })
    expect((await info('010.1.1.1')).port).toBe('invalid')
  })

  it('refuses lists with malformed CIDRs', () => {
    const bad = enrichIpInfo.params.safeParse({ ip: '1.1.1.1', lists: { x: ['10.0.0.0/40'] } })
    expect(bad.error?.issues[0]?.message).toBe('not a CIDR: 10.0.0.0/40')
  })
})
