import { NodeError } from '../../runtime/node-type.ts'

/**
 * Waits `ms`, or rejects with a `CANCELLED` NodeError (saying `what` was cancelled) as soon as the
 * signal aborts.
 * @example await abortableSleep(1000, ctx.signal, 'the delay')
 */
export function abortableSleep(ms: number, signal: AbortSignal, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancelled = () =>
      new NodeError('CANCELLED', `${what} was cancelled`, { retryable: false, cause: signal.reason })
    if (signal.aborted) return reject(cancelled())
    const onAbort = () => {
      clearTimeout(timer)
      reject(cancelled())
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
