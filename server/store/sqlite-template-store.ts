import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import {
  canonicalJson,
  type PublishedTemplate,
  publishable,
  type TemplateStore,
  TemplateStoreError,
} from '../../nodes/templates/registry.ts'
import type { IntegrationTemplate } from '../../nodes/templates/schema.ts'
import type { Db } from '../db/open.ts'
import { templates } from '../db/schema.ts'
import { type StoreDeps, withDefaults } from './deps.ts'

/** The SQLite `TemplateStore`, which also records who published. */
export interface SqliteTemplateStore extends TemplateStore {
  publish(template: unknown, actor?: string): Promise<PublishedTemplate>
}

const toPublished = (r: typeof templates.$inferSelect): PublishedTemplate => ({
  template: JSON.parse(r.json) as IntegrationTemplate,
  deprecated: r.deprecatedAt !== null,
})

/**
 * The `TemplateStore` of nodes/templates/registry.ts on SQLite, with the in-memory store's rules:
 * a published `id@version` never changes (and the database refuses to change it), identical content
 * republishes as a no-op, deprecation only hides.
 * @example const store = createSqliteTemplateStore(db, { reservedTypes: builtinNodeTypes.map((t) => t.type) })
 */
export function createSqliteTemplateStore(
  db: Db,
  opts: { reservedTypes?: Iterable<string> } & StoreDeps = {},
): SqliteTemplateStore {
  const { now } = withDefaults(opts)
  const reserved = new Set(opts.reservedTypes ?? [])
  const one = (id: string, version: number) =>
    db
      .select()
      .from(templates)
      .where(and(eq(templates.id, id), eq(templates.version, version)))
      .get()
  const versions = (id: string) =>
    db
      .select({ v: templates.version })
      .from(templates)
      .where(eq(templates.id, id))
      .orderBy(asc(templates.version))
      .all()
      .map((r) => r.v)

  return {
    async publish(value, actor) {
      const t = publishable(value, reserved)
      const json = canonicalJson(t)
      return db.transaction((tx) => {
        const inserted = tx
          .insert(templates)
          .values({ id: t.id, version: t.version, json, publishedAt: now(), publishedBy: actor ?? null })
          .onConflictDoNothing()
          .returning()
          .get()
        if (inserted) return toPublished(inserted)
        const existing = one(t.id, t.version)!
        if (existing.json === json) return toPublished(existing)
        throw new TemplateStoreError(
          'TEMPLATE_VERSION_EXISTS',
          `${t.id}@${t.version} is already published with different content: publish version ${Math.max(...versions(t.id)) + 1}`,
        )
      })
    },
    async get(id, version) {
      if (version !== undefined) {
        const row = one(id, version)
        return row && toPublished(row)
      }
      const row = db
        .select()
        .from(templates)
        .where(and(eq(templates.id, id), isNull(templates.deprecatedAt)))
        .orderBy(desc(templates.version))
        .limit(1)
        .get()
      return row && toPublished(row)
    },
    async versions(id) {
      return versions(id)
    },
    async deprecate(id, version) {
      const row = db
        .update(templates)
        .set({ deprecatedAt: now() })
        .where(and(eq(templates.id, id), eq(templates.version, version), isNull(templates.deprecatedAt)))
        .returning()
        .get()
      const hit = row ?? one(id, version)
      if (!hit) throw new TemplateStoreError('TEMPLATE_NOT_FOUND', `${id}@${version} is not published`)
      return toPublished(hit)
    },
    async list() {
      return db
        .select()
        .from(templates)
        .orderBy(asc(templates.id), asc(templates.version))
        .all()
        .map(toPublished)
    },
  }
}
