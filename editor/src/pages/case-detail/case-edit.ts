/**
 * The editing rules of a case page, outside React: which status moves to offer, how a form draft
 * becomes a `PATCH /api/cases/:id` body, and how tags are typed.
 */
import { type CaseStatus, NEXT_STATUSES } from '../../../../nodes/action/case-fields.ts'
import type { Schemas } from '../../api/client.ts'

export type CaseDetail = Schemas['CaseDetail']
export type CasePatch = Schemas['CasePatch']

/** The fields of the case form; tags as typed (comma-separated). */
export interface CaseDraft {
  title: string
  severity: Schemas['Severity']
  assignee: string
  disposition: '' | NonNullable<Schemas['Disposition']>
  tags: string
}

/** A status move offered as a button. */
export interface StatusMove {
  to: CaseStatus
  label: string
}

const MOVE_LABELS: Record<CaseStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledge',
  contained: 'Mark contained',
  resolved: 'Resolve',
  closed: 'Close',
}

/**
 * The moves the server allows from `status`, labelled as actions; going back to acknowledged from
 * resolved or closed reads "Reopen".
 * @example statusMoves('resolved') // [{ to: 'closed', label: 'Close' }, { to: 'acknowledged', label: 'Reopen' }]
 */
export function statusMoves(status: CaseStatus): StatusMove[] {
  const reopen = status === 'resolved' || status === 'closed'
  return NEXT_STATUSES[status].map((to) => ({
    to,
    label: reopen && to === 'acknowledged' ? 'Reopen' : MOVE_LABELS[to],
  }))
}

/**
 * Tags as typed: split at commas, trimmed, empty and repeated ones dropped.
 * @example parseTags('okta, vip,, okta') // ['okta', 'vip']
 */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()))].filter(Boolean)
}

/**
 * The form's starting values for a case.
 * @example draftOf(c).tags // 'okta, vip'
 */
export function draftOf(c: CaseDetail): CaseDraft {
  return {
    title: c.title,
    severity: c.severity,
    assignee: c.assignee ?? '',
    disposition: c.disposition ?? '',
    tags: c.tags.join(', '),
  }
}

/**
 * The `PATCH` body for the fields the draft changes, or undefined when it changes nothing. A
 * cleared assignee or disposition is sent as null; tags replace the case's tags.
 * @example casePatch(c, { ...draftOf(c), assignee: '' }) // { assignee: null }
 */
export function casePatch(c: CaseDetail, draft: CaseDraft): CasePatch | undefined {
  const patch: CasePatch = {}
  const title = draft.title.trim()
  if (title && title !== c.title) patch.title = title
  if (draft.severity !== c.severity) patch.severity = draft.severity
  const assignee = draft.assignee.trim() || null
  if (assignee !== c.assignee) patch.assignee = assignee
  const disposition = draft.disposition || null
  if (disposition !== c.disposition) patch.disposition = disposition
  const tags = parseTags(draft.tags)
  if (tags.join('\n') !== c.tags.join('\n')) patch.tags = tags
  return Object.keys(patch).length > 0 ? patch : undefined
}

/** How a disposition reads. */
export const DISPOSITION_LABELS: Record<NonNullable<Schemas['Disposition']>, string> = {
  true_positive: 'True positive',
  false_positive: 'False positive',
  benign: 'Benign',
}
