import type { Playbook } from '../../runtime/format/schema.ts'
import type { RunRowStatus } from '../db/schema.ts'

/** A playbook's draft as stored: canonical text (`toCanonical`) and the columns lists need. */
export interface PlaybookDraft {
  id: string
  name: string
  tags: string[]
  /** The draft in canonical JSON text. */
  json: string
  createdAt: number
  updatedAt: number
  updatedBy: string | null
  deletedAt: number | null
}

/** A list row: the draft's metadata, its newest version and its last run. */
export interface PlaybookSummary extends Omit<PlaybookDraft, 'json'> {
  latestVersion: number | null
  lastRun: { id: string; status: RunRowStatus; queuedAt: number } | null
}

/** A published, immutable version. */
export interface PlaybookVersion {
  playbookId: string
  version: number
  note: string
  publishedAt: number
  publishedBy: string | null
  /** Canonical JSON text; omitted by `versions()`. */
  json?: string
}

/** What triggers need of a live (not deleted) playbook on every event. */
export interface PlaybookHead {
  /** The newest published version (versions are numbered 1…latest without gaps); null before any. */
  latestVersion: number | null
}

/** Playbook drafts and their published versions. */
export interface PlaybookStore {
  /** The draft, unless soft-deleted (pass `includeDeleted` to see it anyway). */
  getDraft(id: string, opts?: { includeDeleted?: boolean }): Promise<PlaybookDraft | undefined>
  /** Saves a (validated) playbook as the draft of `playbook.id`, canonicalised; restores a deleted one. */
  putDraft(playbook: Playbook, actor?: string): Promise<{ draft: PlaybookDraft; created: boolean }>
  list(opts?: { includeDeleted?: boolean }): Promise<PlaybookSummary[]>
  /** Freezes the current draft as the next version (1, 2, …). `NOT_FOUND` if there is no draft. */
  publish(id: string, opts?: { note?: string; actor?: string }): Promise<PlaybookVersion>
  /** Versions without their JSON, ascending. */
  versions(id: string): Promise<PlaybookVersion[]>
  /** One version with its JSON; the newest when `version` is omitted. */
  getVersion(id: string, version?: number): Promise<PlaybookVersion | undefined>
  /**
   * The newest version of a live playbook; undefined when it is absent or deleted. Served from memory
   * and kept in step by this store's own `putDraft`, `publish` and `softDelete` (the server is the
   * database's only writer), so triggers pay no query per event.
   */
  head(id: string): Promise<PlaybookHead | undefined>
  /** Hides the playbook from lists and triggers; versions and runs stay. False if absent. */
  softDelete(id: string, actor?: string): Promise<boolean>
}
