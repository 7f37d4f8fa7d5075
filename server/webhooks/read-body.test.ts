import { describe, expect, it } from 'vitest'
import { HttpError } from '../app/errors.ts'
import { readBodyLimited } from './read-body.ts'

describe('readBodyLimited', () => {
  it('reads a body within the limit, and an empty one', async () => {
    const body = await readBodyLimited(new Request('http://x/', { method: 'POST', body: 'hello' }), 5)
    expect(new TextDecoder().decode(body)).toBe('hello')
    expect((await readBodyLimited(new Request('http://x/'), 5)).byteLength).toBe(0)
  })

  it('refuses one byte more with a 413', async () => {
    await expect(
      readBodyLimited(new Request('http://x/', { method: 'POST', body: 'hello!' }), 5),
    ).rejects.toSatisfy((err) => err instanceof HttpError && err.status === 413)
  })

  it('refuses a declared Content-Length over the limit before reading', async () => {
    const req = new Request('http://x/', {
      method: 'POST',
      body: 'hi',
      headers: { 'content-length': '9999' },
    })
    await expect(readBodyLimited(req, 5)).rejects.toSatisfy(
      (err) => err instanceof HttpError && err.status === 413,
    )
    expect(req.bodyUsed).toBe(false)
  })
})
