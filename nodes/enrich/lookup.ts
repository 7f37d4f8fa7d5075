import { z } from 'zod'
import { defineNode } from '../../runtime/node-type.ts'
import { getIn } from '../lib/path.ts'

const MAX_ROWS = 50_000

/**
 * `enrich.lookup`: looks a key up in a table kept in the playbook, e.g. asset owners, VIP users,
 * or an allow/deny list. The table is a record (`{ "10.0.0.5": { owner: "it" } }`), a list of
 * rows with a key field, or a plain list of keys (an allowlist). Fires `found` or `not_found`;
 * with `mode: 'allow'`, `found` means the key is allowed, with `mode: 'deny'` that it is denied,
 * and `output.allowed` says which it is. Keys compare as strings, optionally ignoring case.
 */
export const enrichLookup = defineNode({
  type: 'enrich.lookup',
  version: 1,
  category: 'enrichment',
  title: 'Lookup',
  description: 'Looks a key up in a table or an allow/deny list kept in the playbook.',
  icon: 'list',
  params: z.object({
    name: z.string().max(100).optional().describe('A name for the table, shown in traces'),
    key: z
      .union([z.string(), z.number(), z.boolean(), z.null()])
      .optional()
      .describe('The key, e.g. {{ trigger.user }}'),
    table: z
      .union([z.record(z.string(), z.unknown()), z.array(z.unknown()).max(MAX_ROWS)])
      .describe('A record, a list of rows with a key field, or a list of keys'),
    keyField: z
      .string()
      .max(200)
      .default('key')
      .describe('For a list of rows: the path of the key in each row'),
    ignoreCase: z.boolean().default(false),
    mode: z
      .enum(['lookup', 'allow', 'deny'])
      .default('lookup')
      .describe('allow/deny: the table is an allow or deny list'),
  }),
  output: z.object({
    found: z.boolean(),
    value: z.unknown(),
    key: z.unknown(),
    allowed: z.boolean().optional(),
  }),
  ports: ['found', 'not_found'],
  run({ params }) {
    const norm = (k: unknown) => {
      const s =
        typeof k === 'string'
          ? k.trim()
          : typeof k === 'number' || typeof k === 'boolean'
            ? String(k)
            : undefined
      return s !== undefined && params.ignoreCase ? s.toLowerCase() : s
    }
    const wanted = norm(params.key)
    let found = false
    let value: unknown = null
    if (wanted !== undefined) {
      if (Array.isArray(params.table)) {
        for (const row of params.table) {
          const rowKey = row !== null && typeof row === 'object' ? getIn(row, params.keyField) : row
          if (norm(rowKey) === wanted) {
            found = true
            value = row
            break
          }
        }
      } else {
        const entry = Object.entries(params.table).find(([k]) => norm(k) === wanted)
        if (entry) {
          found = true
          value = entry[1] === undefined ? null : entry[1]
        }
      }
    }
    const allowed = params.mode === 'allow' ? found : params.mode === 'deny' ? !found : undefined
    const output = { found, value, key: params.key ?? null, ...(allowed === undefined ? {} : { allowed }) }
    return { output, port: found ? 'found' : 'not_found' }
  },
})
