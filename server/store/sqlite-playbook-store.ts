import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm'
import { toCanonical } from '../../runtime/format/canonical.ts'
import type { Db } from '../db/open.ts'
import { playbooks, playbookVersions, runs } from '../db/schema.ts'
import { type StoreDeps, withDefaults } from './deps.ts'
import { StoreError } from './errors.ts'
import { createLru } from './lru.ts'
import type { PlaybookDraft, PlaybookHead, PlaybookStore } from './playbook-store.ts'

/** Playbooks whose head `head()` keeps in memory. */
const HEADS = 1024

const toDraft = (r: typeof playbooks.$inferSelect): PlaybookDraft => ({
  id: r.id,
  name: r.name,
  tags: r.tags,
  json: r.draftJson,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  deletedAt: r.deletedAt,
})

/**
 * The `PlaybookStore` on SQLite. Versions are numbered inside the publishing transaction, and the
 * database refuses to change or delete one (a trigger), so a published version is what ran.
 * @example const { version } = await store.publish('phishing-triage', { note: 'first', actor: 'alice' })
 */
export function createSqlitePlaybookStore(db: Db, deps?: StoreDeps): PlaybookStore {
  const { now } = withDefaults(deps)
  const lastRunId = sql<string | null>`(SELECT r.id FROM runs r WHERE r.playbook_id = ${playbooks.id}
    ORDER BY r.queued_at DESC, r.id DESC LIMIT 1)`.as('last_run_id')
  // Only rows that exist are cached: probes of unknown ids cannot evict the live ones.
  const heads = createLru<string, PlaybookHead | null>(HEADS)
  const readHead = db.$client.prepare<[string], { deleted: number | null; latest: number | null }>(
    `SELECT p.deleted_at AS deleted,
      (SELECT max(v.version) FROM playbook_versions v WHERE v.playbook_id = p.id) AS latest
    FROM playbooks p WHERE p.id = ?`,
  )

  return {
    async getDraft(id, opts = {}) {
      const row = db.select().from(playbooks).where(eq(playbooks.id, id)).get()
      return row && (opts.includeDeleted || row.deletedAt === null) ? toDraft(row) : undefined
    },

    async putDraft(playbook, actor) {
      const t = now()
      const json = toCanonical(playbook)
      heads.delete(playbook.id)
      return db.transaction((tx) => {
        const existed = tx
          .select({ id: playbooks.id })
          .from(playbooks)
          .where(eq(playbooks.id, playbook.id))
          .get()
        const values = { name: playbook.name, tags: [...(playbook.tags ?? [])].sort(), draftJson: json }
        const row = tx
          .insert(playbooks)
          .values({ id: playbook.id, ...values, createdAt: t, updatedAt: t, updatedBy: actor })
          .onConflictDoUpdate({
            target: playbooks.id,
            set: { ...values, updatedAt: t, updatedBy: actor ?? null, deletedAt: null },
          })
          .returning()
          .get()
        return { draft: toDraft(row), created: !existed }
      })
    },

    async list(opts = {}) {
      const latest = db
        .select({ playbookId: playbookVersions.playbookId, version: max(playbookVersions.version).as('v') })
        .from(playbookVersions)
        .groupBy(playbookVersions.playbookId)
        .as('latest')
      const rows = db
        .select({ p: playbooks, latestVersion: latest.version, lastRunId })
        .from(playbooks)
        .leftJoin(latest, eq(latest.playbookId, playbooks.id))
        .where(opts.includeDeleted ? undefined : isNull(playbooks.deletedAt))
        .orderBy(asc(playbooks.id))
        .all()
      const runIds = rows.flatMap((r) => (r.lastRunId ? [r.lastRunId] : []))
      const lastRuns = new Map(
        runIds.length === 0
          ? []
          : db
              .select({ id: runs.id, status: runs.status, queuedAt: runs.queuedAt })
              .from(runs)
              .where(inArray(runs.id, runIds))
              .all()
              .map((r) => [r.id, r]),
      )
      return rows.map(({ p, latestVersion, lastRunId: runId }) => {
        const { json: _json, ...meta } = toDraft(p)
        return {
          ...meta,
          latestVersion: latestVersion ?? null,
          lastRun: (runId && lastRuns.get(runId)) || null,
        }
      })
    },

    async publish(id, opts = {}) {
      heads.delete(id)
      return db.transaction((tx) => {
        const draft = tx.select().from(playbooks).where(eq(playbooks.id, id)).get()
        if (!draft || draft.deletedAt !== null)
          throw new StoreError('NOT_FOUND', `playbook "${id}" has no draft`)
        const top = tx
          .select({ v: max(playbookVersions.version) })
          .from(playbookVersions)
          .where(eq(playbookVersions.playbookId, id))
          .get()
        return tx
          .insert(playbookVersions)
          .values({
            playbookId: id,
            version: (top?.v ?? 0) + 1,
            json: draft.draftJson,
            note: opts.note ?? '',
            publishedAt: now(),
            publishedBy: opts.actor,
          })
          .returning()
          .get()
      })
    },

    async versions(id) {
      return db
        .select({
          playbookId: playbookVersions.playbookId,
          version: playbookVersions.version,
          note: playbookVersions.note,
          publishedAt: playbookVersions.publishedAt,
          publishedBy: playbookVersions.publishedBy,
        })
        .from(playbookVersions)
        .where(eq(playbookVersions.playbookId, id))
        .orderBy(asc(playbookVersions.version))
        .all()
    },

    async getVersion(id, version) {
      const where =
        version === undefined
          ? eq(playbookVersions.playbookId, id)
          : and(eq(playbookVersions.playbookId, id), eq(playbookVersions.version, version))
      return db
        .select()
        .from(playbookVersions)
        .where(where)
        .orderBy(desc(playbookVersions.version))
        .limit(1)
        .get()
    },

    async head(id) {
      const cached = heads.get(id)
      if (cached !== undefined) return cached ?? undefined
      const row = readHead.get(id)
      if (!row) return undefined
      const head = row.deleted === null ? Object.freeze({ latestVersion: row.latest }) : null
      heads.set(id, head)
      return head ?? undefined
    },

    async softDelete(id, actor) {
      heads.delete(id)
      const r = db
        .update(playbooks)
        .set({ deletedAt: now(), updatedBy: actor ?? null })
        .where(and(eq(playbooks.id, id), isNull(playbooks.deletedAt)))
        .run()
      return r.changes === 1
    },
  }
}
