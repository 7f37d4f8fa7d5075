/** What an approval gate asks, read defensively from the stored request (any JSON). */
export interface ApprovalAsk {
  message: string
  users: string[]
  roles: string[]
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * Reads the message and approvers of a gate's request; a missing or odd request gives a generic
 * message instead of an error.
 * @example readApprovalRequest({ message: 'Isolate pc-7?', approvers: { roles: ['responder'] } })
 *   // { message: 'Isolate pc-7?', users: [], roles: ['responder'] }
 */
export function readApprovalRequest(request: unknown): ApprovalAsk {
  const r = (request && typeof request === 'object' ? request : {}) as {
    message?: unknown
    approvers?: { users?: unknown; roles?: unknown }
  }
  const message = typeof r.message === 'string' && r.message.trim() ? r.message : 'Approval requested'
  return { message, users: strings(r.approvers?.users), roles: strings(r.approvers?.roles) }
}

/**
 * Who may decide, in words.
 * @example approversText({ users: ['rita'], roles: ['responder'] }) // 'rita or any responder'
 */
export function approversText(ask: Pick<ApprovalAsk, 'users' | 'roles'>): string {
  const parts = [...ask.users, ...ask.roles.map((r) => `any ${r}`)]
  if (parts.length === 0) return 'anyone allowed to decide approvals'
  if (parts.length === 1) return parts[0] as string
  return `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`
}

/**
 * Whether a user may decide a gate: named among its users or holding one of its roles (the server
 * checks the same and answers 403 otherwise).
 * @example isApprover({ users: [], roles: ['responder'] }, { username: 'rita', role: 'responder' }) // true
 */
export function isApprover(
  ask: Pick<ApprovalAsk, 'users' | 'roles'>,
  me: { username: string; role: string } | null | undefined,
): boolean {
  if (!me) return false
  return ask.users.includes(me.username) || ask.roles.includes(me.role)
}
