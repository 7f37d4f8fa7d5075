import { builtinNodeTypes } from '../../../../nodes/registry.ts'
import { compileTemplate } from '../../../../nodes/templates/compile.ts'
import { canonicalJson } from '../../../../nodes/templates/registry.ts'
import type { IntegrationTemplate } from '../../../../nodes/templates/schema.ts'
import { parseTemplateText } from '../../../../nodes/templates/text.ts'
import type { PathProblem } from '../../lib/describe-error.ts'
import type { TemplateLanguage } from './template-text.ts'

/** A published version as the list gives it. */
export interface PublishedVersion {
  id: string
  version: number
  template: Record<string, unknown>
}

/** The verdict on a template text: what can be published, every problem, and notes. */
export type TemplateCheck =
  | { ok: true; template: IntegrationTemplate; unchanged: boolean }
  | { ok: false; problems: PathProblem[]; template?: IntegrationTemplate }

/** Ids of the built-in node types (starter templates included): a published template may not take them. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(builtinNodeTypes.map((t) => t.type))

/**
 * Checks a template text as the server will: syntax (with the line), the template schema and its
 * cross-field checks (every problem with its path), built-in ids, published versions (a published
 * `id@version` never changes) and compilation into a node type.
 * @example checkTemplateText(text, 'yaml', published) // { ok: false, problems: [{ path: 'request.url', … }] }
 */
export function checkTemplateText(
  text: string,
  language: TemplateLanguage,
  published: readonly PublishedVersion[],
  reserved: ReadonlySet<string> = RESERVED_IDS,
): TemplateCheck {
  const parsed = parseTemplateText(text, language)
  if (!parsed.ok) return { ok: false, problems: parsed.problems }
  const t = parsed.template
  if (reserved.has(t.id))
    return {
      ok: false,
      template: t,
      problems: [{ path: 'id', message: `"${t.id}" is a built-in node type: choose another id` }],
    }
  const same = published.find((p) => p.id === t.id && p.version === t.version)
  const unchanged = same !== undefined && canonicalJson(same.template) === canonicalJson(t)
  if (same && !unchanged) {
    const next = Math.max(...published.filter((p) => p.id === t.id).map((p) => p.version)) + 1
    return {
      ok: false,
      template: t,
      problems: [
        {
          path: 'version',
          message: `version ${t.version} of ${t.id} is published with other content and never changes: use version ${next}`,
        },
      ],
    }
  }
  try {
    compileTemplate(t)
  } catch (err) {
    return { ok: false, template: t, problems: [{ message: `does not compile: ${(err as Error).message}` }] }
  }
  return { ok: true, template: t, unchanged }
}
