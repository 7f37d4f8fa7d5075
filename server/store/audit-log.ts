import type { Page } from './cursor.ts'

/** One audit entry. */
export interface AuditEntry {
  id: number
  at: number
  /** A user name, `token:<id>`, `webhook` or `system`. */
  actor: string
  /** A dotted verb: `playbook.publish`, `credential.use`, `run.cancel`, … */
  action: string
  target: string | null
  details: unknown
}

export interface AuditFilter {
  actor?: string
  action?: string
  target?: string
  from?: number
  to?: number
}

/** The append-only audit log: there is no update or delete, and the database refuses both. */
export interface AuditLog {
  append(entry: { actor: string; action: string; target?: string; details?: unknown }): Promise<AuditEntry>
  /** Newest first; `cursor` comes from the previous page. */
  list(filter?: AuditFilter, page?: { cursor?: string; limit?: number }): Promise<Page<AuditEntry>>
}
