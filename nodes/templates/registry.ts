import type { IntegrationTemplate } from './schema.ts'
import { validateTemplate } from './validate.ts'

/**
 * Where published templates live. A published `id@version` never changes: publishing it again with
 * different content fails with `TEMPLATE_VERSION_EXISTS` (the same content is a no-op), so a playbook
 * pinned to a version always runs the same request. Deprecation hides a version from new playbooks
 * but keeps it runnable for the ones that pin it.
 */

/** A stored template version. */
export interface PublishedTemplate {
  template: IntegrationTemplate
  deprecated: boolean
}

/** Stable error codes of the store. */
export type TemplateStoreErrorCode =
  | 'INVALID_TEMPLATE'
  | 'TEMPLATE_VERSION_EXISTS'
  | 'TEMPLATE_ID_RESERVED'
  | 'TEMPLATE_NOT_FOUND'

/** Thrown by a `TemplateStore`; `problems` lists validation problems for `INVALID_TEMPLATE`. */
export class TemplateStoreError extends Error {
  constructor(
    readonly code: TemplateStoreErrorCode,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message)
    this.name = 'TemplateStoreError'
  }
}

/** The store's interface: in memory here, a database table in the server. */
export interface TemplateStore {
  /** Validates and stores a version; idempotent for identical content. */
  publish(template: unknown): Promise<PublishedTemplate>
  /** One version, or the newest non-deprecated one when `version` is omitted. */
  get(id: string, version?: number): Promise<PublishedTemplate | undefined>
  /** Published versions of an id, ascending. */
  versions(id: string): Promise<number[]>
  /** Marks a version deprecated (still runnable, hidden from the palette). */
  deprecate(id: string, version: number): Promise<PublishedTemplate>
  /** Every stored version. */
  list(): Promise<PublishedTemplate[]>
}

/**
 * JSON with object keys sorted: two templates are "the same content" when these strings match.
 * @example canonicalJson({ b: 1, a: [2] }) // '{"a":[2],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * An in-memory `TemplateStore`. `reservedTypes` are node type ids a template may not take (the
 * built-in ones; pass `builtinNodeTypes.map((t) => t.type)`).
 * @example const store = createMemoryTemplateStore({ reservedTypes: ['enrich.ip-info'] }); await store.publish(vt)
 */
export function createMemoryTemplateStore(opts: { reservedTypes?: Iterable<string> } = {}): TemplateStore {
  const reserved = new Set(opts.reservedTypes ?? [])
  const byKey = new Map<string, PublishedTemplate & { canonical: string }>()
  const key = (id: string, version: number) => `${id}@${version}`
  const copy = (p: PublishedTemplate): PublishedTemplate => ({
    template: structuredClone(p.template),
    deprecated: p.deprecated,
  })

  const versions = (id: string) =>
    [...byKey.values()]
      .filter((p) => p.template.id === id)
      .map((p) => p.template.version)
      .sort((a, b) => a - b)

  return {
    async publish(value) {
      const t = publishable(value, reserved)
      const canonical = canonicalJson(t)
      const existing = byKey.get(key(t.id, t.version))
      if (existing) {
        if (existing.canonical === canonical) return copy(existing)
        throw new TemplateStoreError(
          'TEMPLATE_VERSION_EXISTS',
          `${t.id}@${t.version} is already published with different content: publish version ${Math.max(...versions(t.id)) + 1}`,
        )
      }
      const stored = { template: structuredClone(t), deprecated: false, canonical }
      byKey.set(key(t.id, t.version), stored)
      return copy(stored)
    },
    async get(id, version) {
      if (version !== undefined) {
        const hit = byKey.get(key(id, version))
        return hit && copy(hit)
      }
      const live = versions(id)
        .map((v) => byKey.get(key(id, v))!)
        .filter((p) => !p.deprecated)
      const newest = live.at(-1)
      return newest && copy(newest)
    },
    async versions(id) {
      return versions(id)
    },
    async deprecate(id, version) {
      const hit = byKey.get(key(id, version))
      if (!hit) throw new TemplateStoreError('TEMPLATE_NOT_FOUND', `${id}@${version} is not published`)
      hit.deprecated = true
      return copy(hit)
    },
    async list() {
      return [...byKey.values()].map(copy)
    },
  }
}

/**
 * Validates a template about to be published; throws `TemplateStoreError` (`INVALID_TEMPLATE` with
 * every problem, or `TEMPLATE_ID_RESERVED`). Shared by every TemplateStore implementation.
 * @example const t = publishable(json, new Set(['action.http']))
 */
export function publishable(value: unknown, reserved: ReadonlySet<string>): IntegrationTemplate {
  const r = validateTemplate(value)
  if (!r.ok) {
    const message = r.problems.map((p) => `${p.path || '(template)'}: ${p.message}`).join('; ')
    throw new TemplateStoreError('INVALID_TEMPLATE', message, r.problems)
  }
  if (reserved.has(r.template.id))
    throw new TemplateStoreError('TEMPLATE_ID_RESERVED', `"${r.template.id}" is a built-in node type`)
  return r.template
}
