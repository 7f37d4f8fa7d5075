import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { APPROVAL_STATUSES, ROLES, RUN_MODES, RUN_STATUSES } from './enums.ts'

export * from './enums.ts'
export * from './schema-cases.ts'

/**
 * The server's one database schema (SQLite). Times are integer epoch milliseconds, like the engine's
 * clock; JSON documents are stored as text. `drizzle-kit generate` turns changes here into numbered SQL
 * migrations under `migrations/`, which `openDatabase` applies at start. Append-only and immutability
 * rules (audit log, published versions) are SQLite triggers in a custom migration. The case tables
 * (alerts, cases, their runs, comments and timeline, silence watches) live in schema-cases.ts.
 */

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  /** `scrypt$N$r$p$salt$hash` (server/crypto/password.ts). */
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: integer('created_at').notNull(),
})

export const sessions = sqliteTable(
  'sessions',
  {
    /** sha256 of the cookie token: a leaked DB gives no usable session. */
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** sha256 of the token, which is shown once. */
    tokenHash: text('token_hash').notNull().unique(),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
)

export const playbooks = sqliteTable('playbooks', {
  /** The playbook's slug. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The draft in canonical text (`toCanonical`). */
  draftJson: text('draft_json').notNull(),
  tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by'),
  deletedAt: integer('deleted_at'),
})

/** Published versions: immutable (a trigger refuses UPDATE and DELETE). */
export const playbookVersions = sqliteTable(
  'playbook_versions',
  {
    playbookId: text('playbook_id')
      .notNull()
      .references(() => playbooks.id),
    version: integer('version').notNull(),
    json: text('json').notNull(),
    note: text('note').notNull().default(''),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by'),
  },
  (t) => [primaryKey({ columns: [t.playbookId, t.version] })],
)

export const runs = sqliteTable(
  'runs',
  {
    id: text('id').primaryKey(),
    playbookId: text('playbook_id').notNull(),
    /** The published version run; null runs the draft (test mode only). */
    version: integer('version'),
    mode: text('mode', { enum: RUN_MODES }).notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull(),
    triggerJson: text('trigger_json').notNull(),
    /**
     * The latest checkpoint (`RunState`), null until the engine has started the run. Its playbook is
     * stored once in `run_playbooks` under `playbook_hash` (rows written before that keep it inline).
     */
    stateJson: text('state_json'),
    playbookHash: text('playbook_hash'),
    /** A decision to feed to `engine.resume` when the run is claimed again (`{ nodeId, value }`). */
    resumeJson: text('resume_json'),
    /** Test runs: the engine's `SimulateOptions` (`{ external?, mocks? }`); null runs nothing simulated beyond the default. */
    simulateJson: text('simulate_json'),
    /** A cancel asked while another worker ran the run: the owner aborts it at its next lease renewal. */
    cancelRequestedAt: integer('cancel_requested_at'),
    /** Next event sequence number persisted (the checkpoint's `seq`). */
    seq: integer('seq').notNull().default(0),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    queuedAt: integer('queued_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    /** The worker holding the lease, and until when; an expired lease means the worker died. */
    claimedBy: text('claimed_by'),
    claimedUntil: integer('claimed_until'),
    /** How many times a worker claimed the run (more than 1 after a crash or a resume). */
    claims: integer('claims').notNull().default(0),
    parentRunId: text('parent_run_id'),
    retryOfRunId: text('retry_of_run_id'),
    retryFromNode: text('retry_from_node'),
    createdBy: text('created_by'),
  },
  (t) => [
    index('runs_playbook_queued_idx').on(t.playbookId, t.queuedAt),
    index('runs_status_idx').on(t.status, t.queuedAt, t.id),
    index('runs_queued_idx').on(t.queuedAt, t.id),
  ],
)

/**
 * The playbook documents runs execute, stored once each (content-addressed: the SHA-256 of the JSON)
 * rather than in every checkpoint of every run. Retention deletes those no run names any more.
 */
export const runPlaybooks = sqliteTable('run_playbooks', {
  hash: text('hash').primaryKey(),
  json: text('json').notNull(),
})

export const runEvents = sqliteTable(
  'run_events',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    nodeId: text('node_id'),
    at: integer('at').notNull(),
    /** The whole `RunEvent`, as sent over SSE. */
    json: text('json').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.seq] })],
)

export const runSteps = sqliteTable(
  'run_steps',
  {
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    attempt: integer('attempt').notNull(),
    status: text('status').notNull(),
    inputJson: text('input_json'),
    outputJson: text('output_json'),
    errorJson: text('error_json'),
    /** At most `MAX_STEP_LOGS` entries; the rest are only counted in `log_count`. */
    logsJson: text('logs_json'),
    /** Every `node.log` of the step, kept or dropped. */
    logCount: integer('log_count').notNull().default(0),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.nodeId, t.attempt] })],
)

export const approvals = sqliteTable(
  'approvals',
  {
    id: text('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => runs.id, { onDelete: 'cascade' }),
    nodeId: text('node_id').notNull(),
    status: text('status', { enum: APPROVAL_STATUSES }).notNull().default('pending'),
    requestJson: text('request_json').notNull(),
    /** `[{ actor, decision, comment, at }]`, in order. */
    decisionsJson: text('decisions_json').notNull().default('[]'),
    /** Approvals needed (quorum); one rejection rejects. */
    required: integer('required').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    timeoutAt: integer('timeout_at'),
    decidedAt: integer('decided_at'),
  },
  (t) => [index('approvals_status_idx').on(t.status, t.timeoutAt), index('approvals_run_idx').on(t.runId)],
)

/** Published integration templates: content columns immutable (a trigger), only deprecation changes. */
export const templates = sqliteTable(
  'templates',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    /** `canonicalJson(template)`: equal text means equal content. */
    json: text('json').notNull(),
    publishedAt: integer('published_at').notNull(),
    publishedBy: text('published_by'),
    deprecatedAt: integer('deprecated_at'),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
)

/** Encrypted credential values (AES-256-GCM); the key lives outside the database. */
export const credentials = sqliteTable('credentials', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  type: text('type').notNull(),
  ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
  iv: blob('iv', { mode: 'buffer' }).notNull(),
  authTag: blob('auth_tag', { mode: 'buffer' }).notNull(),
  keyId: text('key_id').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  lastUsedAt: integer('last_used_at'),
})

/** A playbook's webhook secret (HMAC key), encrypted like credentials since it must be read back. */
export const webhookSecrets = sqliteTable('webhook_secrets', {
  playbookId: text('playbook_id').primaryKey(),
  ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
  iv: blob('iv', { mode: 'buffer' }).notNull(),
  authTag: blob('auth_tag', { mode: 'buffer' }).notNull(),
  keyId: text('key_id').notNull(),
  createdAt: integer('created_at').notNull(),
})

/** One row per cron slot that fired: the primary key makes a slot fire once, even across restarts. */
export const scheduleFires = sqliteTable(
  'schedule_fires',
  {
    playbookId: text('playbook_id').notNull(),
    /** The slot's scheduled time (epoch ms). */
    slot: integer('slot').notNull(),
    runId: text('run_id'),
    firedAt: integer('fired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.playbookId, t.slot] })],
)

/** Append-only (triggers refuse UPDATE and DELETE). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: text('details', { mode: 'json' }).$type<unknown>(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actor),
    index('audit_log_target_idx').on(t.target),
  ],
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
})
