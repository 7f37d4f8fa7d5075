import type { Cipher } from '../crypto/cipher.ts'
import type { Db } from '../db/open.ts'
import type { StoreDeps } from './deps.ts'
import { createSqliteAlertIntake } from './sqlite-alert-intake.ts'
import { createSqliteAlertQueries } from './sqlite-alert-queries.ts'
import { createSqliteApprovalStore } from './sqlite-approval-store.ts'
import { createSqliteAuditLog } from './sqlite-audit-log.ts'
import { createSqliteCaseStore } from './sqlite-case-store.ts'
import { createSqliteCredentialStore } from './sqlite-credential-store.ts'
import { createSqliteEventStore } from './sqlite-event-store.ts'
import { type KpiFilter, kpiRows } from './sqlite-kpi-rows.ts'
import { createSqlitePlaybookStore } from './sqlite-playbook-store.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { createSqliteTemplateStore } from './sqlite-template-store.ts'
import { createSqliteUserStore } from './sqlite-user-store.ts'
import { createSqliteWebhookSecrets } from './sqlite-webhook-secrets.ts'

export type { Approval, ApprovalDecision, ApprovalStore } from './approval-store.ts'
export type { AuditEntry, AuditFilter, AuditLog } from './audit-log.ts'
export type * from './case-store.ts'
export type { CredentialMeta, CredentialStore, WebhookSecretStore } from './credential-store.ts'
export type { Page } from './cursor.ts'
export type { StoreDeps } from './deps.ts'
export { StoreError, type StoreErrorCode } from './errors.ts'
export type { EventStore } from './event-store.ts'
export type { PlaybookDraft, PlaybookStore, PlaybookSummary, PlaybookVersion } from './playbook-store.ts'
export { createRunRecorder, type RunRecorder, type RunRecorderOptions } from './run-recorder.ts'
export type * from './run-store.ts'
export type { SqliteTemplateStore } from './sqlite-template-store.ts'
export type { ApiTokenMeta, Session, User, UserStore } from './user-store.ts'

/** Every store of the server over one SQLite database. */
export type Stores = ReturnType<typeof createSqliteStores>

/**
 * Builds every store over one database: the one place that picks the SQLite implementations.
 * @example const stores = createSqliteStores(db, { cipher: createCipher(loadSecretKey({ dataDir })) })
 */
export function createSqliteStores(
  db: Db,
  opts: StoreDeps & { cipher: Cipher; reservedTemplateIds?: Iterable<string> },
) {
  return {
    playbooks: createSqlitePlaybookStore(db, opts),
    runs: createSqliteRunStore(db, opts),
    events: createSqliteEventStore(db),
    approvals: createSqliteApprovalStore(db, opts),
    templates: createSqliteTemplateStore(db, { ...opts, reservedTypes: opts.reservedTemplateIds }),
    credentials: createSqliteCredentialStore(db, opts.cipher, opts),
    webhookSecrets: createSqliteWebhookSecrets(db, opts.cipher, opts),
    audit: createSqliteAuditLog(db, opts),
    users: createSqliteUserStore(db, opts),
    cases: createSqliteCaseStore(db, opts),
    alertIntake: createSqliteAlertIntake(db, opts),
    alerts: createSqliteAlertQueries(db),
    kpis: { rows: (filter: KpiFilter) => kpiRows(db, filter) },
  }
}
