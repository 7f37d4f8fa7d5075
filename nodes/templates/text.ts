import { parseDocument } from 'yaml'
import type { IntegrationTemplate, TemplateProblem } from './schema.ts'
import { validateTemplate } from './validate.ts'

/** Largest template text accepted, so a hostile upload cannot exhaust memory. */
export const MAX_TEMPLATE_BYTES = 256 * 1024

/**
 * Parses and validates a template written as JSON or YAML (chosen by `format`, or detected: text
 * starting with `{` is JSON). Never throws: syntax errors come back as problems with a line number.
 * @example parseTemplateText('id: acme.lookup\nversion: 1\n…', 'yaml')
 */
export function parseTemplateText(
  text: string,
  format: 'json' | 'yaml' | 'auto' = 'auto',
): { ok: true; template: IntegrationTemplate } | { ok: false; problems: TemplateProblem[] } {
  if (text.length > MAX_TEMPLATE_BYTES) {
    return {
      ok: false,
      problems: [{ path: '', message: `template is larger than ${MAX_TEMPLATE_BYTES} bytes` }],
    }
  }
  const kind = format === 'auto' ? (text.trimStart().startsWith('{') ? 'json' : 'yaml') : format
  let value: unknown
  if (kind === 'json') {
    try {
      value = JSON.parse(text)
    } catch (err) {
      return { ok: false, problems: [{ path: '', message: `invalid JSON: ${(err as Error).message}` }] }
    }
  } else {
    // Aliases are limited so a "billion laughs" document cannot expand without bound.
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
    const first = doc.errors[0]
    if (first) {
      const line = first.linePos?.[0]?.line
      return {
        ok: false,
        problems: [
          {
            path: '',
            message: `invalid YAML${line ? ` at line ${line}` : ''}: ${first.message.split('\n')[0]}`,
          },
        ],
      }
    }
    try {
      value = doc.toJS({ maxAliasCount: 50 })
    } catch (err) {
      return { ok: false, problems: [{ path: '', message: `invalid YAML: ${(err as Error).message}` }] }
    }
  }
  return validateTemplate(value)
}
