import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { ValidationError } from '../../runtime/format/problems.ts'
import { createOnError, HttpError } from './errors.ts'

function appThrowing(err: unknown) {
  const log = vi.fn()
  const app = new Hono()
  app.onError(createOnError({ log }))
  app.get('/x', () => {
    throw err
  })
  return { app, log }
}

describe('onError', () => {
  it('maps HttpError to its status, code, message and details', async () => {
    const { app, log } = appThrowing(new HttpError(409, 'CONFLICT', 'already published', { version: 3 }))
    const res = await app.request('/x')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual({
      error: { code: 'CONFLICT', message: 'already published', details: { version: 3 } },
    })
    expect(log).not.toHaveBeenCalled()
  })

  it('leaves details out when there are none', async () => {
    const { app } = appThrowing(new HttpError(404, 'NOT_FOUND', 'no such run'))
    expect(await (await app.request('/x')).json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'no such run' },
    })
  })

  it('maps a zod error to 422 with every problem', async () => {
    const schema = z.object({ mode: z.enum(['test', 'production']), items: z.array(z.number()) })
    const parsed = schema.safeParse({ mode: 'x', items: [1, 'two'] })
    const { app } = appThrowing(parsed.error)
    const res = await app.request('/x')
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.details.problems.map((p: { path: string }) => p.path)).toEqual(['$.mode', '$.items[1]'])
    expect(body.error.message).toContain('(and 1 more)')
  })

  it("maps the runtime's ValidationError to 422 with its problems", async () => {
    const problems = [
      { code: 'CYCLE', severity: 'error' as const, message: 'cycle a → b → a', path: '$.edges' },
    ]
    const { app } = appThrowing(new ValidationError(problems))
    const res = await app.request('/x')
    expect(res.status).toBe(422)
    expect((await res.json()).error.details.problems).toEqual(problems)
  })

  it('keeps the status of a hono HTTPException below 500', async () => {
    const { app } = appThrowing(new HTTPException(400, { message: 'Malformed JSON in request body' }))
    const res = await app.request('/x')
    expect(res.status).toBe(400)
    expect((await res.json()).error).toEqual({ code: 'HTTP_400', message: 'Malformed JSON in request body' })
  })

  it('hides unknown errors behind a generic 500 and logs them', async () => {
    const { app, log } = appThrowing(new Error('db password is hunter2\n    at secret.ts:1'))
    const res = await app.request('/x')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).not.toContain('hunter2')
    expect(text).not.toContain('secret.ts')
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: 'internal server error' } })
    expect(log).toHaveBeenCalledOnce()
  })
})
