import type { IncomingMessage } from 'node:http'
import type { Context, MiddlewareHandler } from 'hono'
import { HttpError } from '../app/errors.ts'
import { parseWebhookEvents } from './parse-events.ts'
import { DEFAULT_MAX_BODY_BYTES, readBodyLimited, readIncomingLimited } from './read-body.ts'
import { SIGNATURE_HEADER, verifyBearer, verifySignature } from './signature.ts'

/** What `verifyWebhook` leaves on `c.var.webhook` for the route. */
export interface VerifiedWebhook {
  /** One per JSON body, or one per NDJSON line. */
  events: unknown[]
  /** How the sender proved it knows the secret. */
  via: 'signature' | 'bearer'
}

/** Hono env of a webhook route. */
export type WebhookEnv = { Variables: { webhook: VerifiedWebhook } }

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /**
   * The trigger's secret: a string, or a lookup per request (e.g. by `:playbookId`) that returns
   * undefined when there is no such webhook; that answers 401 like a bad signature, so ids cannot be
   * probed.
   */
  secret: string | ((c: Context) => string | undefined | Promise<string | undefined>)
  /** Signature header. Default `x-bulwark-signature`. */
  header?: string
  /** Body limit in bytes (413 beyond). Default 1 MiB. */
  maxBytes?: number
  /** Events per request (413 beyond). Default 1000. */
  maxEvents?: number
}

/**
 * Authenticates a webhook by `x-bulwark-signature: sha256=<hex HMAC-SHA256 of the raw body>` or
 * `Authorization: Bearer <secret>`, within a body limit, then parses its events (JSON or NDJSON) into
 * `c.var.webhook`. The body is verified before it is parsed.
 * @example app.post('/hooks/:playbookId', verifyWebhook({ secret: (c) => secrets.get(c.req.param('playbookId')) }), accept)
 */
export function verifyWebhook(options: VerifyWebhookOptions): MiddlewareHandler<WebhookEnv> {
  const { secret } = options ?? {}
  if (typeof secret !== 'function' && (typeof secret !== 'string' || secret.length === 0)) {
    throw new TypeError('verifyWebhook: secret must be a non-empty string or a function')
  }
  const header = (options.header ?? SIGNATURE_HEADER).toLowerCase()
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES
  const maxEvents = options.maxEvents ?? 1000
  if (!(maxBytes > 0) || !(maxEvents > 0)) throw new TypeError('verifyWebhook: limits must be positive')

  // Stateless for one-shot decodes: shared by every request.
  const utf8 = new TextDecoder('utf-8', { fatal: true })

  return async function verifyWebhookMiddleware(c, next) {
    const key = typeof secret === 'function' ? await secret(c) : secret
    const authorization = c.req.header('authorization')
    const bearer = key !== undefined && key !== '' && verifyBearer(key, authorization)
    // Under @hono/node-server, read Node's stream directly: `c.req.raw` would build a fetch Request.
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming
    const raw = await ((incoming && readIncomingLimited(incoming, maxBytes)) ??
      readBodyLimited(c.req.raw, maxBytes))
    const signed =
      !bearer && key !== undefined && key !== '' && verifySignature(key, raw, c.req.header(header))
    if (!bearer && !signed) {
      throw new HttpError(401, 'BAD_SIGNATURE', `missing or wrong ${header} signature or bearer secret`)
    }
    let text: string
    try {
      text = utf8.decode(raw)
    } catch {
      throw new HttpError(400, 'INVALID_ENCODING', 'the body is not UTF-8')
    }
    const events = parseWebhookEvents(text, c.req.header('content-type'), { maxEvents })
    c.set('webhook', { events, via: bearer ? 'bearer' : 'signature' })
    return next()
  }
}
