/** The outcome of reading a field's text: the value to store, or why the text is not one yet. */
export type Parsed = { ok: true; value: unknown } | { ok: false; error: string }

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

/**
 * A number field's text: empty is "unset", a `{{ }}` template is kept as text (resolved at run time),
 * anything else must be a number.
 * @example parseNumberText('1e3') // { ok: true, value: 1000 }
 */
export function parseNumberText(text: string): Parsed {
  const t = text.trim()
  if (t === '') return { ok: true, value: undefined }
  if (t.includes('{{')) return { ok: true, value: text }
  if (NUMBER.test(t)) return { ok: true, value: Number(t) }
  return { ok: false, error: `"${t.slice(0, 40)}" is not a number` }
}

/**
 * The text of a free value: a template or plain text stays text; for fields of several scalar types
 * (`accepts`), numbers and true/false become numbers and booleans; for any-JSON fields, text that
 * starts with `{` or `[` must be valid JSON.
 * @example parseValueText('404', ['integer', 'string']) // { ok: true, value: 404 }
 */
export function parseValueText(text: string, accepts: readonly string[] | undefined): Parsed {
  const t = text.trim()
  if (t === '') return { ok: true, value: undefined }
  if (t.startsWith('{{')) return { ok: true, value: text }
  if (accepts === undefined) return /^[[{]/.test(t) ? parseJsonText(text) : { ok: true, value: text }
  if ((accepts.includes('number') || accepts.includes('integer')) && NUMBER.test(t))
    return { ok: true, value: Number(t) }
  if (accepts.includes('boolean') && (t === 'true' || t === 'false')) return { ok: true, value: t === 'true' }
  if (accepts.includes('null') && t === 'null') return { ok: true, value: null }
  if (accepts.includes('string')) return { ok: true, value: text }
  return { ok: false, error: `expected ${accepts.join(' or ')}` }
}

/** JSON text: empty is "unset"; otherwise it must parse. */
export function parseJsonText(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: undefined }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }
  }
}

/** How a stored value reads in a text box: text as is, other values as (pretty) JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2)
  return String(value)
}
