/** Where `bulwark export` and `bulwark import` talk to, and as whom. */
export interface ServerTarget {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8080`. */
  url: string
  token: string
}

/** A problem as the server reports it (422 answers). */
export interface ServerProblem {
  code: string
  message: string
  path?: string
  nodeId?: string
}

/** An answer the server refused, or a server that could not be reached (`status` 0). */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: ServerProblem[] = [],
  ) {
    super(message)
    this.name = 'ServerError'
  }

  /** Exit code: 2 for what the user can fix (the file, the token, the role), 1 for the server. */
  get exitCode(): number {
    return this.status >= 400 && this.status < 500 ? 2 : 1
  }
}

/** The default server of the embedded setup (`npm start`). */
export const DEFAULT_SERVER = 'http://127.0.0.1:8080'

/**
 * The server and API token from options, else `BULWARK_SERVER` / `BULWARK_TOKEN`. Throws a
 * `ServerError` (exit 2) when there is no token or the URL is not http(s).
 * @example serverTarget({}, { BULWARK_TOKEN: 'bwk_…' }) // { url: 'http://127.0.0.1:8080', token: 'bwk_…' }
 */
export function serverTarget(
  opts: { server?: string; token?: string },
  env: Record<string, string | undefined> = process.env,
): ServerTarget {
  const raw = opts.server ?? env.BULWARK_SERVER ?? DEFAULT_SERVER
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ServerError(400, 'USAGE', `--server: "${raw}" is not a URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ServerError(400, 'USAGE', `--server: "${raw}" is not an http(s) URL`)
  const token = opts.token ?? env.BULWARK_TOKEN
  if (!token)
    throw new ServerError(
      400,
      'USAGE',
      'an API token is needed: --token or BULWARK_TOKEN (create one with POST /api/tokens)',
    )
  return { url: url.href.replace(/\/+$/, ''), token }
}

/**
 * One JSON request with the bearer token. Resolves with the status and parsed body of a 2xx answer
 * (and of a 404, which callers often expect); throws `ServerError` with the server's code, message and
 * problems otherwise. The token never appears in an error message.
 * @example const { body } = await call(target, 'GET', '/api/playbooks')
 */
export async function call<T = unknown>(
  target: ServerTarget,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  let res: Response
  try {
    res = await fetch(`${target.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    })
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message
    throw new ServerError(0, 'UNREACHABLE', `cannot reach the server at ${target.url}: ${cause}`)
  }
  const text = await res.text()
  let parsed: unknown
  try {
    parsed = text === '' ? undefined : JSON.parse(text)
  } catch {
    throw new ServerError(
      res.status,
      'BAD_ANSWER',
      `${method} ${path}: the server answered ${res.status} without JSON`,
    )
  }
  if (res.ok || res.status === 404) return { status: res.status, body: parsed as T }
  const error = (
    parsed as { error?: { code?: string; message?: string; details?: { problems?: ServerProblem[] } } }
  )?.error
  throw new ServerError(
    res.status,
    error?.code ?? `HTTP_${res.status}`,
    `${method} ${path}: ${res.status} ${error?.message ?? res.statusText}`,
    error?.details?.problems ?? [],
  )
}

/** A server problem as a printable line, like local validation problems. */
export function problemLine(where: string, p: ServerProblem): string {
  return `${where}: error ${p.path ?? '$'}: ${p.code} ${p.message}${p.nodeId ? ` [node ${p.nodeId}]` : ''}`
}

/** The server keeps playbooks as canonical JSON: a document it returns, printed back, is that text. */
export const canonicalText = (doc: unknown): string => `${JSON.stringify(doc, null, 2)}\n`
