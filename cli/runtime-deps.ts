import type { EngineDeps } from '../runtime/engine/types.ts'
import { createHttpClient } from '../server/http/client.ts'
import { lazySandbox } from '../server/sandbox/lazy.ts'
import { envSecrets } from './env-secrets.ts'

/**
 * What the CLI injects into the engine: the SSRF-safe HTTP client (private addresses refused unless
 * `BULWARK_HTTP_ALLOW_PRIVATE=1` or `BULWARK_HTTP_ALLOW_CIDRS=10.0.0.0/8,...`), credentials from
 * `BULWARK_CREDENTIAL_*` variables, and the QuickJS sandbox, started only if a script or full
 * expression runs. Call `close()` when done so the sandbox workers exit.
 */
export function cliRuntimeDeps(env: Record<string, string | undefined> = process.env): {
  deps: Partial<EngineDeps>
  close(): Promise<void>
} {
  const sandbox = lazySandbox()
  const allowCidrs = (env.BULWARK_HTTP_ALLOW_CIDRS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const http = createHttpClient({ allowPrivate: env.BULWARK_HTTP_ALLOW_PRIVATE === '1', allowCidrs })
  return {
    deps: { http, secrets: envSecrets(env), evaluator: sandbox, scripts: sandbox },
    close: () => sandbox.close(),
  }
}
