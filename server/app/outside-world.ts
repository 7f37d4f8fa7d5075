import type { MailTransport, SecretResolver } from '../../runtime/node-type.ts'
import { createHttpClient } from '../http/client.ts'
import { createSmtpTransport } from '../mail/smtp.ts'
import { type LazySandbox, lazySandbox } from '../sandbox/lazy.ts'

type Env = Record<string, string | undefined>

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * The SMTP relay from `BULWARK_SMTP_HOST`, `_PORT` (587), `_SECURE` (`true` for implicit TLS),
 * `_USER` and `_PASSWORD_CREDENTIAL` (the name of a stored credential holding the password: the
 * password itself never sits in the environment). Undefined when no host is set.
 * @example smtpFromEnv(process.env, stores.credentials.resolver())
 */
export function smtpFromEnv(env: Env, secrets: SecretResolver): MailTransport | undefined {
  const host = env.BULWARK_SMTP_HOST
  if (!host) return undefined
  const secure = env.BULWARK_SMTP_SECURE === 'true'
  return createSmtpTransport({
    host,
    port: Number(env.BULWARK_SMTP_PORT ?? (secure ? 465 : 587)),
    secure,
    requireTLS: !secure && env.BULWARK_SMTP_REQUIRE_TLS !== 'false',
    user: env.BULWARK_SMTP_USER,
    passwordSecret: env.BULWARK_SMTP_PASSWORD_CREDENTIAL,
    secrets,
  })
}

/** The engine's outside world as the server builds it. */
export interface OutsideWorld {
  http: ReturnType<typeof createHttpClient>
  mail?: MailTransport
  sandbox: LazySandbox
}

/**
 * Outbound HTTP (SSRF-safe; `BULWARK_HTTP_ALLOW_CIDRS` lets chosen private ranges through), mail
 * (only when configured) and the sandbox (its workers start on the first script).
 * @example const world = outsideWorld(process.env, secrets); createRunner({ engineDeps: { http: world.http, ... } })
 */
export function outsideWorld(env: Env, secrets: SecretResolver): OutsideWorld {
  return {
    http: createHttpClient({ allowCidrs: list(env.BULWARK_HTTP_ALLOW_CIDRS) }),
    mail: smtpFromEnv(env, secrets),
    sandbox: lazySandbox(),
  }
}
