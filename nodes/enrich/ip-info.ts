import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'
import { classifyIp, inCidr, isCidr } from '../lib/ip.ts'

const listName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'list names are letters, digits, _ and -')

/**
 * `enrich.ip-info`: classifies an address (public, private, reserved; version; ipaddr.js range
 * such as `loopback` or `carrierGradeNat`) and reports which named CIDR lists contain it, e.g.
 * `{ lists: { vpn: ['10.8.0.0/16'], scanners: ['198.51.100.0/24'] } }` gives `matches: ['scanners']`.
 * Fires `out`, or `invalid` when the value is not an IP address.
 */
export const enrichIpInfo = defineNode({
  type: 'enrich.ip-info',
  version: 1,
  category: 'enrichment',
  title: 'IP info',
  description: 'Classifies an IP (public/private/reserved) and checks it against named CIDR lists.',
  icon: 'network',
  params: z.object({
    ip: z.string().trim().max(100).describe('The address, e.g. {{ trigger.src_ip }}'),
    lists: z
      .record(
        listName,
        z.array(z.string().refine(isCidr, { error: (i) => `not a CIDR: ${String(i.input)}` })).max(10_000),
      )
      .default({})
      .describe('Named CIDR lists: { "name": ["10.0.0.0/8", ...] }'),
  }),
  output: z.object({
    ip: z.string(),
    valid: z.boolean(),
    version: z.union([z.literal(4), z.literal(6)]).optional(),
    class: z.enum(['public', 'private', 'reserved']).optional(),
    range: z.string().optional(),
    private: z.boolean(),
    public: z.boolean(),
    matches: z.array(z.string()),
  }),
  ports: ['out', 'invalid'],
  run({ params }) {
    const facts = classifyIp(params.ip)
    if (!facts) {
      return {
        output: { ip: params.ip, valid: false, private: false, public: false, matches: [] },
        port: 'invalid',
      }
    }
    const matches = Object.entries(params.lists)
      .filter(([, cidrs]) => cidrs.some((c) => inCidr(facts.ip, c)))
      .map(([name]) => name)
    return {
      output: {
        ip: facts.ip,
        valid: true,
        version: facts.version,
        class: facts.class,
        range: facts.range,
        private: facts.class === 'private',
        public: facts.class === 'public',
        matches,
      },
    }
  },
})
