import { existsSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Env, Hono } from 'hono'

const LANDING = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bulwark</title></head>
<body><h1>Bulwark</h1><p>The API is running. The editor is not built yet (<code>npm run build</code>).</p>
<p>API description: <a href="/api/openapi.json">/api/openapi.json</a> (log in first: <code>POST /api/auth/login</code>).</p>
</body></html>`

/**
 * Serves the built editor from `dir` (`dist/editor`) with an SPA fallback to its index.html for
 * non-API paths; without a build, `/` answers a small page pointing to the API description.
 * @example mountEditor(app, resolve('dist/editor'))
 */
export function mountEditor<E extends Env>(app: Hono<E>, dir: string): void {
  const index = join(dir, 'index.html')
  if (!existsSync(index)) {
    app.get('/', (c) => c.html(LANDING))
    return
  }
  const root = relative(process.cwd(), resolve(dir)) || '.'
  const html = readFileSync(index, 'utf8')
  app.use('/*', serveStatic({ root }))
  app.get('*', (c, next) => {
    const path = c.req.path
    if (path.startsWith('/api/') || path.startsWith('/hooks/') || c.req.method !== 'GET') return next()
    return c.html(html)
  })
}
