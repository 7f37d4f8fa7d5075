import nodemailer from 'nodemailer'
import { type MailTransport, NodeError, type SecretResolver } from '../../runtime/node-type.ts'

/** Operator settings for the SMTP relay. */
export interface SmtpOptions {
  host: string
  port: number
  /** Implicit TLS from the first byte (usually port 465); otherwise STARTTLS when offered. */
  secure: boolean
  /** Refuse to send unless STARTTLS succeeds (for port 587). */
  requireTLS?: boolean
  /** Verify the server's certificate (default true). */
  rejectUnauthorized?: boolean
  user?: string
  /** Name of the credential holding the password, read through `secrets` at each send. */
  passwordSecret?: string
  secrets?: SecretResolver
  /** Connection, greeting and socket timeouts (default 30 s). */
  timeoutMs?: number
  /** The name this host gives in EHLO (default: nodemailer's, the machine's host name). */
  clientName?: string
}

/**
 * The production `MailTransport`, over nodemailer. A new connection per email (no pool), the
 * password resolved at each send (so rotation needs no restart), file and URL access disabled.
 * Errors: `MAIL_AUTH_FAILED` and `MAIL_REJECTED` (5xx answers) are not retryable, other failures are
 * `MAIL_SEND_FAILED` (retryable); `CANCELLED` when the signal aborts. No message echoes the password.
 * @example const mail = createSmtpTransport({ host: 'smtp.example.com', port: 587, secure: false, requireTLS: true, user: 'soc', passwordSecret: 'smtp', secrets })
 */
export function createSmtpTransport(options: SmtpOptions): MailTransport {
  if (!options.host) throw new Error('createSmtpTransport: host is required')
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65_535) {
    throw new Error('createSmtpTransport: port must be 1-65535')
  }
  if (options.passwordSecret && (!options.user || !options.secrets)) {
    throw new Error('createSmtpTransport: passwordSecret needs user and secrets')
  }
  const timeout = options.timeoutMs ?? 30_000

  return {
    async send(msg, signal) {
      if (signal?.aborted) throw cancelled()
      let pass: string | undefined
      if (options.passwordSecret) {
        pass = await options.secrets!.get(options.passwordSecret)
        if (pass === undefined) {
          throw new NodeError('CREDENTIAL_NOT_FOUND', `no credential named "${options.passwordSecret}"`, {
            retryable: false,
          })
        }
      }
      const transporter = nodemailer.createTransport({
        host: options.host,
        port: options.port,
        secure: options.secure,
        requireTLS: options.requireTLS ?? false,
        tls: { rejectUnauthorized: options.rejectUnauthorized ?? true },
        ...(options.user ? { auth: { user: options.user, pass: pass ?? '' } } : {}),
        ...(options.clientName ? { name: options.clientName } : {}),
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        disableFileAccess: true,
        disableUrlAccess: true,
        logger: false,
      })
      const onAbort = () => transporter.close()
      signal?.addEventListener('abort', onAbort, { once: true })
      try {
        const sending = transporter.sendMail({
          from: msg.from,
          to: msg.to,
          ...(msg.cc?.length ? { cc: msg.cc } : {}),
          subject: msg.subject,
          text: msg.text,
          ...(msg.html === undefined ? {} : { html: msg.html }),
        })
        const info = await (signal ? untilAborted(sending, signal) : sending)
        return { messageId: String(info.messageId) }
      } catch (err) {
        throw signal?.aborted ? cancelled() : mapError(err, options.host, pass)
      } finally {
        signal?.removeEventListener('abort', onAbort)
        transporter.close()
      }
    },
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(cancelled()), { once: true })
    work.then(resolve, reject)
  })
}

function cancelled(): NodeError {
  return new NodeError('CANCELLED', 'sending the email was cancelled', { retryable: false })
}

function mapError(err: unknown, host: string, pass: string | undefined): NodeError {
  const e = err as { code?: string; responseCode?: number; message?: string }
  let detail = String(e.message ?? err)
  if (pass) detail = detail.split(pass).join('[REDACTED]')
  if (e.code === 'EAUTH') {
    return new NodeError('MAIL_AUTH_FAILED', `SMTP login to ${host} failed: ${detail}`, { retryable: false })
  }
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) {
    return new NodeError('MAIL_REJECTED', `${host} rejected the email: ${detail}`, {
      retryable: false,
      details: { responseCode: e.responseCode },
    })
  }
  return new NodeError('MAIL_SEND_FAILED', `the email could not be sent through ${host}: ${detail}`, {
    retryable: true,
    ...(e.code ? { details: { code: e.code } } : {}),
  })
}
