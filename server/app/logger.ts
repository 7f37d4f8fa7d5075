/** Log levels the server uses. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** A structured logger: one JSON line per call. Callers never pass secrets in `fields`. */
export type Logger = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void

/**
 * A JSON-lines logger to a writable (stderr by default), with the time first.
 * @example const log = createLogger(); log('info', 'listening', { url })
 */
export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
  now: () => number = Date.now,
): Logger {
  return (level, msg, fields) => {
    write(`${JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields })}\n`)
  }
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = () => {}
