import { isCidr } from '../../../../../nodes/lib/ip.ts'
import type { Parsed } from '../schema-form/parse-text.ts'

/**
 * The text of an "is in list" / "in network" value: one item per line (commas also split). A single
 * `{{ }}` template is kept as text (it resolves to a list at run time). CIDR lists are checked as
 * typed.
 * @example parseListText('10.0.0.0/8\n192.168.0.0/16', true) // { ok: true, value: ['10.0.0.0/8', '192.168.0.0/16'] }
 */
export function parseListText(text: string, cidr: boolean): Parsed {
  if (text.includes('{{')) return { ok: true, value: text.trim() }
  const items = text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const bad = cidr ? items.filter((s) => !isCidr(s)) : []
  if (bad.length > 0) return { ok: false, error: `not a CIDR range: ${bad.join(', ')}` }
  return { ok: true, value: items }
}

/** A list value shown one item per line (a template as it is). */
export function formatListText(value: unknown): string {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n')
  return typeof value === 'string'
    ? value
    : value === undefined || value === null
      ? ''
      : JSON.stringify(value)
}
