import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi'
import type { Env } from 'hono'
import { SESSION_COOKIE } from '../auth/cookie.ts'
import { requirePermission } from '../auth/require-permission.ts'
import type { Permission } from '../auth/roles.ts'
import type { AuthEnv } from '../auth/user.ts'

/** The error body every route may answer with (see errors.ts). */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'FORBIDDEN' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error')

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
})

/** A route definition plus who may call it: a permission, or `null` for a public route (said out loud). */
export type ApiRouteConfig = RouteConfig & { permission: Permission | null }

/**
 * `createRoute` with access control: puts `requirePermission(permission)` in front of the route's own
 * middleware, and documents the permission (`x-permission`), the security schemes and the error
 * answers (401, 403, 422 for a route with a request schema). The request schemas validate requests
 * and describe them in `/api/openapi.json`: one schema, one truth.
 * @example
 * const getRun = defineRoute({
 *   method: 'get', path: '/api/runs/{id}', permission: 'run.read',
 *   request: { params: z.object({ id: z.string() }) },
 *   responses: { 200: { description: 'the run', content: { 'application/json': { schema: RunSchema } } } },
 * })
 * app.openapi(getRun, (c) => c.json(runs.get(c.req.valid('param').id), 200))
 */
export function defineRoute<const R extends ApiRouteConfig>(config: R): Omit<R, 'permission'> {
  const { permission, ...route } = config
  const own =
    route.middleware === undefined
      ? []
      : Array.isArray(route.middleware)
        ? route.middleware
        : [route.middleware]
  const responses: RouteConfig['responses'] = { ...route.responses }
  if (route.request) responses[422] ??= errorResponse('The request does not match its schema')
  if (permission !== null) {
    responses[401] ??= errorResponse('Not logged in')
    responses[403] ??= errorResponse(`The caller's role lacks ${permission}`)
  }
  return createRoute({
    ...route,
    middleware: permission === null ? own : [requirePermission(permission), ...own],
    responses,
    ...(permission === null ? { security: [] } : { security: [{ session: [] }, { bearer: [] }] }),
    ...(permission === null ? {} : { 'x-permission': permission }),
  }) as unknown as Omit<R, 'permission'>
}

/**
 * An app for API routes: request validation failures are thrown as zod errors, which `onError` turns
 * into 422 with every problem (instead of zod-openapi's default 400 with its own shape).
 * @example const api = createApiApp(); api.openapi(getRun, handler); app.route('/', api)
 */
export function createApiApp<E extends Env = AuthEnv>(): OpenAPIHono<E> {
  return new OpenAPIHono<E>({
    defaultHook(result) {
      if (!result.success) throw result.error
    },
  })
}

/** Options of `serveOpenApiDocument`. */
export interface OpenApiDocumentOptions {
  /** Default `/api/openapi.json`. */
  path?: string
  version?: string
}

/**
 * Serves the OpenAPI 3.0 document of every route registered on `app` with `openapi()`, with the
 * session cookie and bearer token security schemes.
 * @example serveOpenApiDocument(api, { version: pkg.version })
 */
export function serveOpenApiDocument<E extends Env>(
  app: OpenAPIHono<E>,
  options: OpenApiDocumentOptions = {},
) {
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' })
  return app.doc(options.path ?? '/api/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'Bulwark API', version: options.version ?? '0.1.0' },
  })
}
