import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ServerDeps } from '../app/deps.ts'
import type { AuthEnv } from '../auth/user.ts'
import { approvalRoutes } from './approvals.ts'
import { auditRoutes } from './audit.ts'
import { authRoutes } from './auth.ts'
import { caseRoutes } from './cases.ts'
import { credentialsRoutes } from './credentials.ts'
import { hookRoutes } from './hooks.ts'
import { webhookSecretRoutes } from './hooks-secret.ts'
import { kpiRoutes } from './metrics-kpis.ts'
import { playbookRoutes } from './playbooks.ts'
import { playbookVersionRoutes } from './playbooks-versions.ts'
import { ruleRoutes } from './rules.ts'
import { runEventRoutes } from './run-events.ts'
import { runRoutes } from './runs.ts'
import { systemRoutes } from './system.ts'
import { templatesRoutes } from './templates.ts'
import { tokensRoutes } from './tokens.ts'
import { usersRoutes } from './users.ts'

/** A route module: a factory of a sub-app that create-server mounts at `/`. */
// biome-ignore lint/suspicious/noExplicitAny: sub-apps differ in their typed route schemas
export type RouteModule = (deps: ServerDeps) => OpenAPIHono<AuthEnv, any, any>

/**
 * Every route module, mounted in this order. Add a module: one import, one line.
 * `authenticate` runs before all of them on `/api/*` (except login) and `/metrics`.
 */
export const routeModules: readonly RouteModule[] = [
  systemRoutes,
  authRoutes,
  usersRoutes,
  tokensRoutes,
  auditRoutes,
  credentialsRoutes,
  templatesRoutes,
  playbookRoutes,
  playbookVersionRoutes,
  webhookSecretRoutes,
  runRoutes,
  runEventRoutes,
  approvalRoutes,
  hookRoutes,
  caseRoutes,
  ruleRoutes,
  kpiRoutes,
]
