import { parse, stringify } from 'yaml'

export type TemplateLanguage = 'json' | 'yaml'

/**
 * A template as editable text in the chosen language.
 * @example templateText({ id: 'acme.lookup' }, 'yaml') // 'id: acme.lookup\n'
 */
export function templateText(template: unknown, language: TemplateLanguage): string {
  return language === 'json'
    ? `${JSON.stringify(template, null, 2)}\n`
    : stringify(template, { lineWidth: 0 })
}

/** The skeleton of a new template: every required field, ready to fill in. */
export const NEW_TEMPLATE = {
  id: 'vendor.action',
  version: 1,
  title: 'Vendor action',
  description: 'What the call does and what it returns.',
  category: 'enrichment',
  icon: 'globe',
  vendor: 'Vendor',
  docs: 'https://example.com/docs',
  params: { value: { type: 'string', required: true, description: 'The value to look up' } },
  credential: { type: 'vendor-api-key', auth: { type: 'bearer' } },
  request: { method: 'GET', url: 'https://api.example.com/v1/lookup/{{ params.value }}' },
  response: { output: { found: true, value: '{{ params.value }}', score: '{{ response.body.score }}' } },
  errors: { '404': { code: 'NOT_FOUND', output: { found: false, value: '{{ params.value }}' } } },
  sideEffects: false,
  sample: { found: true, value: 'example', score: 42 },
  outputSchema: { found: { type: 'boolean' }, value: { type: 'string' }, score: { type: 'number' } },
}

/**
 * A template text converted to the other language, or undefined when it does not parse (the editor
 * then keeps the text as it is and validation says what is wrong).
 * @example convertText('{"id": "a.b"}', 'yaml') // 'id: a.b\n'
 */
export function convertText(text: string, to: TemplateLanguage): string | undefined {
  try {
    // YAML is a superset of JSON: one parser reads either.
    const value: unknown = parse(text, { maxAliasCount: 50 })
    return value !== null && typeof value === 'object' ? templateText(value, to) : undefined
  } catch {
    return undefined
  }
}
