/** Options of `createLoginLimiter`. */
export interface LoginLimiterOptions {
  /** Failures allowed within the window before further attempts are refused. Default 5. */
  maxFailures?: number
  /** Window length in ms, counted from the first failure. Default 15 minutes. */
  windowMs?: number
  /** Keys remembered at most; the oldest are forgotten first, so a flood cannot exhaust memory. */
  maxKeys?: number
  now?: () => number
}

/** Failed-login accounting per key (use `loginKey(username, ip)`). */
export interface LoginLimiter {
  /** Whether an attempt may proceed; if not, how long until it may (ms). */
  check(key: string): { allowed: true } | { allowed: false; retryAfterMs: number }
  /** Records a failed attempt. */
  fail(key: string): void
  /** Forgets the key's failures after a successful login. */
  succeed(key: string): void
}

/**
 * The key of a login attempt: per username (case-insensitive) and client address.
 * @example loginKey('Admin', '10.0.0.5') // 'admin|10.0.0.5'
 */
export function loginKey(username: string, ip: string): string {
  return `${username.trim().toLowerCase()}|${ip}`
}

/**
 * An in-memory limiter of failed logins (one process; a multi-process deployment moves it to the
 * shared store). Check before verifying the password so that a locked key costs no scrypt.
 * @example
 * const limit = limiter.check(loginKey(username, ip))
 * if (!limit.allowed) throw new HttpError(429, 'RATE_LIMITED', 'too many failed logins')
 */
export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const maxFailures = options.maxFailures ?? 5
  const windowMs = options.windowMs ?? 15 * 60_000
  const maxKeys = options.maxKeys ?? 10_000
  const now = options.now ?? Date.now
  if (!(maxFailures >= 1) || !(windowMs > 0) || !(maxKeys >= 1)) {
    throw new TypeError('createLoginLimiter: maxFailures, windowMs and maxKeys must be positive')
  }
  /** key → failures and the window's start; Map order is insertion order, oldest first. */
  const entries = new Map<string, { failures: number; since: number }>()

  function live(key: string) {
    const entry = entries.get(key)
    if (entry && now() - entry.since >= windowMs) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  return {
    check(key) {
      const entry = live(key)
      if (!entry || entry.failures < maxFailures) return { allowed: true }
      return { allowed: false, retryAfterMs: entry.since + windowMs - now() }
    },
    fail(key) {
      const entry = live(key)
      if (entry) {
        entry.failures++
        return
      }
      if (entries.size >= maxKeys) {
        const oldest = entries.keys().next().value
        if (oldest !== undefined) entries.delete(oldest)
      }
      entries.set(key, { failures: 1, since: now() })
    },
    succeed(key) {
      entries.delete(key)
    },
  }
}
