import { api, type Schemas, unwrap } from '../../api/client.ts'

/**
 * The calls the run panel, the run graph and the history panel make, typed by the API schema.
 * Each throws `ApiError` on a non-2xx answer (see `describeError` for the words shown).
 */

export type RunDetail = Schemas['RunDetail']
export type RunSummary = Schemas['RunSummary']
export type Approval = Schemas['Approval']
export type PlaybookVersion = Schemas['PlaybookVersion']

const path = (id: string) => ({ params: { path: { id } } })

/**
 * Starts a test run of the saved draft: side-effecting nodes answer with their sample; with
 * `simulateLookups`, lookups too.
 * @example const { runId } = await startTestRun('phishing-triage', event, false)
 */
export async function startTestRun(playbookId: string, event: unknown, simulateLookups: boolean) {
  const body = { event, mode: 'test' as const, ...(simulateLookups ? { simulate: { external: true } } : {}) }
  return unwrap(await api.POST('/api/playbooks/{id}/runs', { ...path(playbookId), body }))
}

/** A run with its trigger and steps. */
export async function getRun(runId: string): Promise<RunDetail> {
  return unwrap(await api.GET('/api/runs/{id}', path(runId)))
}

/** The playbook's latest runs, newest first (their trigger events serve as samples). */
export async function listRecentRuns(playbookId: string, limit = 20): Promise<RunSummary[]> {
  const query = { playbook: playbookId, limit: String(limit) }
  return unwrap(await api.GET('/api/runs', { params: { query } })).items
}

export async function cancelRun(runId: string) {
  return unwrap(await api.POST('/api/runs/{id}/cancel', path(runId)))
}

/** Starts a new run that reuses the outputs before `fromNode`; returns its id. */
export async function retryRun(runId: string, fromNode: string) {
  return unwrap(await api.POST('/api/runs/{id}/retry', { ...path(runId), body: { fromNode } }))
}

/** The run's approvals still waiting for a decision. */
export async function pendingApprovals(runId: string): Promise<Approval[]> {
  const query = { status: 'pending' as const, runId }
  return unwrap(await api.GET('/api/approvals', { params: { query } })).items
}

export async function decideApproval(id: string, decision: 'approve' | 'reject', comment: string) {
  const body = { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) }
  return unwrap(await api.POST('/api/approvals/{id}', { ...path(id), body }))
}

/** Published versions, oldest first. */
export async function listVersions(playbookId: string): Promise<PlaybookVersion[]> {
  return unwrap(await api.GET('/api/playbooks/{id}/versions', path(playbookId))).items
}

/** One version's document (raw: migrate and validate it before use). */
export async function getVersionDocument(playbookId: string, version: number): Promise<unknown> {
  const params = { path: { id: playbookId, version: String(version) } }
  return unwrap(await api.GET('/api/playbooks/{id}/versions/{version}', { params })).playbook
}

/** The saved draft's document (raw). */
export async function getDraftDocument(playbookId: string): Promise<unknown> {
  return unwrap(await api.GET('/api/playbooks/{id}', path(playbookId))).playbook
}
