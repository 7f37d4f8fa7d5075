import { locateJsonError } from '../../../../runtime/format/json-error.ts'
import { LIMITS } from '../../../../runtime/format/schema.ts'

/**
 * Reads an imported playbook file's text as JSON, with the line and column of a syntax error. The
 * server validates the content (422 with every problem); this only catches what it cannot see.
 * @example readPlaybookFile('{"id": }') // { ok: false, message: 'line 1, column 8: …' }
 */
export function readPlaybookFile(
  text: string,
  fileName = 'the file',
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  if (text.length > LIMITS.maxFileBytes) return { ok: false, message: `${fileName} is too large to import` }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch (err) {
    const at = locateJsonError(body)
    const where = at ? `line ${at.line}, column ${at.column}: ${at.message}` : (err as Error).message
    return { ok: false, message: `${fileName} is not valid JSON (${where})` }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, message: `${fileName} does not hold a playbook (expected a JSON object)` }
  return { ok: true, value: value as Record<string, unknown> }
}
