import { useEffect, useRef } from 'react'

/**
 * Calls `tick` every `intervalMs` while `enabled`, skipping ticks while the tab is hidden and while the
 * previous tick is still running (a slow server never piles up requests).
 * @example usePolling(reload, 2000, runs.some((r) => isLive(r.status)))
 */
export function usePolling(tick: () => Promise<unknown> | unknown, intervalMs: number, enabled = true): void {
  const latest = useRef(tick)
  latest.current = tick
  useEffect(() => {
    if (!enabled) return
    let busy = false
    const timer = setInterval(async () => {
      if (busy || (typeof document !== 'undefined' && document.hidden)) return
      busy = true
      try {
        await latest.current()
      } catch {
        // The caller shows its own errors; a failed tick is retried on the next one.
      } finally {
        busy = false
      }
    }, intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs, enabled])
}
