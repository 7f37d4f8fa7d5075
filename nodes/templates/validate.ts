import { checkTemplate } from './checks.ts'
import { type IntegrationTemplate, integrationTemplateSchema, type TemplateProblem } from './schema.ts'

export type { TemplateProblem }

/** Thrown by `parseTemplate` with every problem at once. */
export class TemplateValidationError extends Error {
  readonly code = 'INVALID_TEMPLATE'
  constructor(readonly problems: TemplateProblem[]) {
    super(problems.map((p) => `${p.path || '(template)'}: ${p.message}`).join('\n'))
    this.name = 'TemplateValidationError'
  }
}

/**
 * Validates a template, returning every problem with its path.
 * @example validateTemplate(JSON.parse(text)) // { ok: false, problems: [{ path: 'request.url', message: '...' }] }
 */
export function validateTemplate(
  value: unknown,
): { ok: true; template: IntegrationTemplate } | { ok: false; problems: TemplateProblem[] } {
  const r = integrationTemplateSchema.safeParse(value)
  if (r.success) {
    const problems = checkTemplate(r.data)
    return problems.length === 0 ? { ok: true, template: r.data } : { ok: false, problems }
  }
  return {
    ok: false,
    problems: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  }
}

/**
 * Validates a template or throws `TemplateValidationError`.
 * @example const t = parseTemplate(vtFileReport)
 */
export function parseTemplate(value: unknown): IntegrationTemplate {
  const r = validateTemplate(value)
  if (!r.ok) throw new TemplateValidationError(r.problems)
  return r.template
}
