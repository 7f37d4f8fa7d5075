import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'
import { extractIocs, IOC_TYPES } from '../lib/iocs.ts'

const ipIoc = z.object({
  value: z.string(),
  version: z.union([z.literal(4), z.literal(6)]),
  range: z.string(),
  private: z.boolean(),
  reserved: z.boolean(),
})

/**
 * `enrich.extract-iocs`: finds IPs, domains, URLs, e-mail addresses and MD5/SHA1/SHA256 hashes in
 * text or in every string of a JSON value. Defanged forms (`hxxp://`, `[.]`, `[@]`, ...) are
 * refanged, results deduplicated, and private/reserved addresses flagged so that playbooks can skip
 * them before calling threat-intel services. URL hosts are also reported as domains or IPs.
 */
export const enrichExtractIocs = defineNode({
  type: 'enrich.extract-iocs',
  version: 1,
  category: 'enrichment',
  title: 'Extract IOCs',
  description: 'Find IPs, domains, URLs, e-mails and file hashes in text or JSON, refanging defanged forms.',
  icon: 'search',
  params: z.object({
    text: z.unknown().optional().describe('Text to scan, or any JSON value whose strings are scanned'),
    types: z
      .array(z.enum(IOC_TYPES))
      .min(1)
      .optional()
      .describe('Indicator types to extract (all when empty)'),
    includePrivate: z
      .boolean()
      .default(true)
      .describe('Keep private and reserved IP addresses (they are flagged either way)'),
  }),
  output: z.object({
    ips: z.array(ipIoc),
    domains: z.array(z.string()),
    urls: z.array(z.string()),
    emails: z.array(z.string()),
    md5: z.array(z.string()),
    sha1: z.array(z.string()),
    sha256: z.array(z.string()),
    count: z.number().int(),
    truncated: z.boolean(),
  }),
  run({ params, ctx }) {
    const found = extractIocs(params.text, params.types ?? IOC_TYPES)
    const ips = params.includePrivate ? found.ips : found.ips.filter((ip) => !ip.private && !ip.reserved)
    if (found.truncated) ctx.log.log('warn', 'input exceeded the scan limits; the rest was not scanned')
    const output = { ...found, ips }
    const count =
      ips.length +
      found.domains.length +
      found.urls.length +
      found.emails.length +
      found.md5.length +
      found.sha1.length +
      found.sha256.length
    return { output: { ...output, count } }
  },
})
