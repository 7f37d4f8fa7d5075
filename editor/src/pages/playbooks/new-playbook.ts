import { CURRENT_FORMAT, type Playbook } from '../../../../runtime/format/schema.ts'
import { slugify, uniqueId } from '../../lib/slug.ts'

/** The longest playbook id the format allows. */
const MAX_ID = 100
const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/

/**
 * The id a new playbook gets from its name: a slug, made unique among `taken`.
 * @example playbookIdFor('Phishing triage', new Set(['phishing-triage'])) // 'phishing-triage-2'
 */
export function playbookIdFor(name: string, taken: ReadonlySet<string>): string {
  const base = slugify(name, MAX_ID - 4)
  return base ? uniqueId(base, taken) : ''
}

/**
 * Why an id cannot be used, or undefined when it can.
 * @example idProblem('Bad Id', new Set()) // 'use lower-case letters, digits, "-" and "_", starting with a letter or digit'
 */
export function idProblem(id: string, taken: ReadonlySet<string>): string | undefined {
  if (id === '') return 'the id is empty: give the playbook a name with letters or digits'
  if (id.length > MAX_ID) return `the id is longer than ${MAX_ID} characters`
  if (!ID_PATTERN.test(id))
    return 'use lower-case letters, digits, "-" and "_", starting with a letter or digit'
  if (taken.has(id)) return `a playbook with the id "${id}" exists`
  return undefined
}

/**
 * A valid, empty playbook: one manual trigger (so it can be run by hand at once), no edges.
 * @example newPlaybook({ id: 'triage', name: 'Triage' }).nodes[0].type // 'trigger.manual'
 */
export function newPlaybook(opts: {
  id: string
  name: string
  description?: string
  tags?: string[]
}): Playbook {
  const description = opts.description?.trim()
  const tags = [...new Set((opts.tags ?? []).map((t) => t.trim()).filter(Boolean))]
  return {
    format: CURRENT_FORMAT,
    id: opts.id,
    name: opts.name.trim(),
    ...(description ? { description } : {}),
    ...(tags.length ? { tags } : {}),
    nodes: [
      { id: 'manual', type: 'trigger.manual', version: 1, name: 'Manual start', params: { fields: [] } },
    ],
    edges: [],
    layout: { manual: { x: 0, y: 0 } },
  }
}

/**
 * Splits a comma-separated tag field.
 * @example parseTags('phishing, email,,') // ['phishing', 'email']
 */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}
