/**
 * Roles and what they may do (ARCHITECTURE.md, security model). Roles are ordered by trust, but the
 * order is not a ladder of permissions: a champion publishes playbooks and templates, a responder runs
 * in production, decides approvals and cancels, and neither does the other's job. So each role is a set
 * of permissions; admin has them all.
 *
 * | permission         | viewer | analyst | champion | responder | admin |
 * | ------------------ | :----: | :-----: | :------: | :-------: | :---: |
 * | playbook.read      |   ✓    |    ✓    |    ✓     |     ✓     |   ✓   |
 * | run.read           |   ✓    |    ✓    |    ✓     |     ✓     |   ✓   |
 * | template.read      |   ✓    |    ✓    |    ✓     |     ✓     |   ✓   |
 * | approval.read      |   ✓    |    ✓    |    ✓     |     ✓     |   ✓   |
 * | token.own          |   ✓    |    ✓    |    ✓     |     ✓     |   ✓   |
 * | case.read          |   ✓    |    ✓    |    ✓     |     ✓     |   ✓   |
 * | playbook.edit      |        |    ✓    |    ✓     |     ✓     |   ✓   |
 * | run.test           |        |    ✓    |    ✓     |     ✓     |   ✓   |
 * | credential.list    |        |    ✓    |    ✓     |     ✓     |   ✓   |
 * | case.manage        |        |    ✓    |    ✓     |     ✓     |   ✓   |
 * | playbook.publish   |        |         |    ✓     |           |   ✓   |
 * | template.publish   |        |         |    ✓     |           |   ✓   |
 * | run.production     |        |         |          |     ✓     |   ✓   |
 * | run.cancel         |        |         |          |     ✓     |   ✓   |
 * | approval.decide    |        |         |          |     ✓     |   ✓   |
 * | credential.manage  |        |         |          |           |   ✓   |
 * | user.manage        |        |         |          |           |   ✓   |
 * | audit.read         |        |         |          |           |   ✓   |
 * | settings.manage    |        |         |          |           |   ✓   |
 *
 * `token.own`: create and revoke one's own API tokens, whose role never exceeds the owner's (the route
 * enforces that). `credential.list` shows names and types so an analyst can pick one in the editor;
 * values are never returned to anyone. `run.production` also covers retrying a production run.
`case.read` covers cases, rules and KPIs (managers are viewers); `case.manage` (change a case,
comment) belongs to everyone who triages: analysts, champions and responders.
 */

/** Roles, least trusted first; the same list as `ROLES` in server/db/schema.ts. */
export const ROLES = ['viewer', 'analyst', 'champion', 'responder', 'admin'] as const
export type Role = (typeof ROLES)[number]

/** Every permission a route can require. */
export const PERMISSIONS = [
  'playbook.read',
  'run.read',
  'template.read',
  'approval.read',
  'token.own',
  'case.read',
  'playbook.edit',
  'run.test',
  'credential.list',
  'case.manage',
  'playbook.publish',
  'template.publish',
  'run.production',
  'run.cancel',
  'approval.decide',
  'credential.manage',
  'user.manage',
  'audit.read',
  'settings.manage',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const READ: Permission[] = [
  'playbook.read',
  'run.read',
  'template.read',
  'approval.read',
  'token.own',
  'case.read',
]
const AUTHOR: Permission[] = [...READ, 'playbook.edit', 'run.test', 'credential.list', 'case.manage']

/** The matrix above as data: each role's permissions. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  viewer: new Set(READ),
  analyst: new Set(AUTHOR),
  champion: new Set([...AUTHOR, 'playbook.publish', 'template.publish']),
  responder: new Set([...AUTHOR, 'run.production', 'run.cancel', 'approval.decide']),
  admin: new Set(PERMISSIONS),
}

/**
 * Whether `role` grants `permission`.
 * @example can('champion', 'playbook.publish') // true
 * @example can('champion', 'run.production') // false
 */
export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role]?.has(permission) ?? false
}

/**
 * Narrows an unknown string (e.g. from the DB or a request) to a role.
 * @example isRole('admin') // true
 */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

/** Whether `role` is at least as trusted as `other` (for "a token never exceeds its owner"). */
export function atLeast(role: Role, other: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(other)
}
