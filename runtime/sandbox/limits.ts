/**
 * Operator-configured sandbox limits. Playbooks never set these: they come from the server's
 * configuration and apply to every script and expression alike.
 */
export interface SandboxLimits {
  /** CPU time per script execution, in ms (interrupt handler; a hung worker is killed after `graceMs`). */
  timeoutMs: number
  /** CPU time per expression evaluation, in ms. */
  expressionTimeoutMs: number
  /** Memory per execution, in bytes: the QuickJS runtime limit, backed by a capped WASM memory. */
  memoryBytes: number
  /** QuickJS stack size in bytes (about 170 bytes per JS call frame). */
  stackBytes: number
  /** Largest serialized result, in UTF-8 bytes. */
  maxOutputBytes: number
  /** Deepest nesting of objects and arrays in a result. */
  maxDepth: number
  /** Console lines kept per execution, and their total size in characters. */
  maxLogLines: number
  maxLogBytes: number
  /** Longest accepted expression source, in characters. */
  maxExpressionLength: number
}

/** The defaults from the security model: 1 s, 32 MB, 1 MB of output. */
export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  timeoutMs: 1000,
  expressionTimeoutMs: 1000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 512 * 1024,
  maxOutputBytes: 1024 * 1024,
  maxDepth: 100,
  maxLogLines: 100,
  maxLogBytes: 64 * 1024,
  maxExpressionLength: 10_000,
})

/**
 * Merges operator options over the defaults and rejects nonsense at once.
 * @example resolveLimits({ timeoutMs: 250 }).memoryBytes // 33554432
 */
export function resolveLimits(partial: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...DEFAULT_LIMITS, ...partial }
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw new TypeError(`sandbox limit ${key} must be a positive number, got ${String(value)}`)
  }
  if (limits.memoryBytes < 1024 * 1024) throw new TypeError('sandbox limit memoryBytes must be at least 1 MB')
  return limits
}
