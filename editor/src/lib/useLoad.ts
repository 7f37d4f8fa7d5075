import { useCallback, useEffect, useRef, useState } from 'react'

export interface Loaded<T> {
  data: T | undefined
  error: unknown
  /** True until the first answer for the current key (reloads keep showing the old data). */
  loading: boolean
  /** Loads again without clearing what is shown (polling, after a change). */
  reload(): Promise<void>
  /** Replaces the data locally (e.g. after an action answered with the new state). */
  setData(data: T): void
}

/**
 * Loads data for a key and keeps the latest answer: a new key loads afresh, an answer for an old key
 * is dropped (no flicker when filters change fast).
 * @example const runs = useLoad(JSON.stringify(filters), () => listRuns(filters))
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown; done: boolean }>({
    key,
    done: false,
  })
  const latest = useRef({ key, load })
  latest.current = { key, load }

  const run = useCallback(async (forKey: string) => {
    try {
      const data = await latest.current.load()
      if (latest.current.key === forKey) setState({ key: forKey, data, done: true })
    } catch (error) {
      if (latest.current.key === forKey) setState((s) => ({ ...s, key: forKey, error, done: true }))
    }
  }, [])

  useEffect(() => {
    setState((s) => (s.key === key ? s : { key, done: false }))
    void run(key)
  }, [key, run])

  const reload = useCallback(() => run(latest.current.key), [run])
  const setData = useCallback((data: T) => setState((s) => ({ ...s, data, error: undefined })), [])
  const current = state.key === key
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !current || !state.done,
    reload,
    setData,
  }
}
