import type { StubReply } from './stub-server.ts'

/** What a starter template must send, checked exactly by `starter.test.ts`. */
export interface ExpectedRequest {
  method: string
  host: string
  /** Raw path as sent, percent-encoding included. */
  path: string
  query?: Record<string, string | string[]>
  /** Headers that must be present with these values (names lower-case). */
  headers?: Record<string, string>
  json?: unknown
  form?: Record<string, string>
}

/** One request/reply round trip with the stub. */
export interface Exchange {
  expect: ExpectedRequest
  reply: StubReply
}

/** A starter template exercised end to end: params in, exact requests, mapped output. */
export interface StarterCase {
  id: string
  name?: string
  params: Record<string, unknown>
  /** The secret stored under the template's default credential name. */
  secret: string
  exchanges: Exchange[]
  output?: Record<string, unknown>
  /** For error cases: the NodeError expected instead of an output. */
  error?: { code: string; retryable: boolean; message?: RegExp }
}

/** `Basic` header value for `user:password`. */
export const basic = (pair: string) => `Basic ${Buffer.from(pair).toString('base64')}`
