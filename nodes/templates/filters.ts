import { stringifyForTemplate } from '../../runtime/expr/template.ts'

/**
 * The few pure filters a template expression may apply, as in `{{ params.url | base64url }}`.
 * They exist for what an API needs and a plain path cannot express; anything more belongs in a
 * script node, not in a template.
 *
 * | filter | result |
 * | --- | --- |
 * | `base64` | standard base64 of the UTF-8 text |
 * | `base64url` | URL-safe base64 without `=` padding (VirusTotal URL ids) |
 * | `lower` / `upper` / `trim` | the text lower-cased / upper-cased / trimmed |
 * | `json` | the value as JSON text |
 * | `exists` | `true` unless the value is `undefined` or `null` |
 * | `not` | `true` for `false`, `undefined`, `null`, `0` and `''` |
 */

/** Standard base64 of a value's UTF-8 text (objects as JSON). */
export function utf8Base64(value: unknown): string {
  const bytes = new TextEncoder().encode(stringifyForTemplate(value))
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Filter name → function. */
export const FILTERS: Readonly<Record<string, (value: unknown) => unknown>> = {
  base64: utf8Base64,
  base64url: (v) => utf8Base64(v).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
  lower: (v) => stringifyForTemplate(v).toLowerCase(),
  upper: (v) => stringifyForTemplate(v).toUpperCase(),
  trim: (v) => stringifyForTemplate(v).trim(),
  json: (v) => JSON.stringify(v ?? null),
  exists: (v) => v !== undefined && v !== null,
  not: (v) => !v,
}

/** True if `name` is a known filter. */
export function isFilter(name: string): boolean {
  return Object.hasOwn(FILTERS, name)
}
