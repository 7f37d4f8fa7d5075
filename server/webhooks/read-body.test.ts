import type { IncomingMessage } from 'node:http'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { HttpError } from '../app/errors.ts'
import { readBodyLimited, readIncomingLimited } from './read-body.ts'

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

describe('readIncomingLimited', () => {
  const incoming = (body: string[], headers: Record<string, string> = {}) =>
    Object.assign(Readable.from(body.map((s) => Buffer.from(s))), { headers }) as unknown as IncomingMessage

  it('reads a Node request stream within the limit, and an empty one', async () => {
    const body = await readIncomingLimited(incoming(['hel', 'lo']), 5)
    expect(new TextDecoder().decode(body)).toBe('hello')
    expect((await readIncomingLimited(incoming([]), 5))?.byteLength).toBe(0)
  })

  it('refuses one byte more, or a declared Content-Length over the limit, with a 413', async () => {
    const is413 = (err: unknown) => err instanceof HttpError && err.status === 413
    await expect(readIncomingLimited(incoming(['hello', '!']), 5)).rejects.toSatisfy(is413)
    const declared = incoming(['hi'], { 'content-length': '9999' })
    await expect(readIncomingLimited(declared, 5)).rejects.toSatisfy(is413)
    expect(declared.readableDidRead).toBe(false)
  })

  it('leaves a stream already read to the Request path', async () => {
    const used = incoming(['hello'])
    await readIncomingLimited(used, 5)
    expect(readIncomingLimited(used, 5)).toBeUndefined()
  })
})
