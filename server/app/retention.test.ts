import { statSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteRunStore } from '../store/sqlite-run-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { retentionFrom } from './config.ts'
import { createRetention } from './retention.ts'

const DAY = 86_400_000
let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
  vi.useRealTimers()
})

function setup(opts: { incremental?: boolean } = {}) {
  const t = tempDatabase()
  cleanup = t.cleanup
  if (opts.incremental) {
    // Only takes effect on an existing file through a VACUUM.
    t.sqlite.pragma('auto_vacuum = INCREMENTAL')
    t.sqlite.exec('VACUUM')
  }
  const deps = testDeps()
  const runs = createSqliteRunStore(t.db, deps)
  const addEvents = t.sqlite.prepare(
    'INSERT INTO run_events (run_id, seq, type, node_id, at, json) VALUES (?, ?, ?, ?, ?, ?)',
  )
  /** A finished (cancelled) run with `kb` KB of history. */
  const finishedRun = async (kb = 0) => {
    const r = await runs.enqueue({ playbookId: 'p', mode: 'production', trigger: {} })
    expect(await runs.cancelIdle(r.id, deps.now())).toBe(true)
    const blob = JSON.stringify({ pad: 'x'.repeat(1000) })
    for (let i = 0; i < kb; i++) addEvents.run(r.id, i, 'log', null, deps.now(), blob)
    return r.id
  }
  const ids = () =>
    (t.sqlite.prepare('SELECT id FROM runs ORDER BY queued_at').pluck().all() as string[]).slice()
  return { t, deps, runs, finishedRun, ids }
}

describe('retention', () => {
  it('reads its settings from the env, 0 turning a rule off', () => {
    expect(retentionFrom({})).toEqual({ days: 30, maxRuns: 100_000 })
    expect(retentionFrom({ BULWARK_RETENTION_DAYS: '0', BULWARK_RETENTION_MAX_RUNS: '500' })).toEqual({
      days: 0,
      maxRuns: 500,
    })
    expect(() => retentionFrom({ BULWARK_RETENTION_DAYS: '-1' })).toThrow(/BULWARK_RETENTION_DAYS/)
    expect(() => retentionFrom({ BULWARK_RETENTION_MAX_RUNS: 'many' })).toThrow(/MAX_RUNS/)
  })

  it('prunes finished runs by age and by count, never queued or waiting ones', async () => {
    const { t, deps, runs, finishedRun, ids } = setup()
    const old = await finishedRun()
    const queuedOld = (await runs.enqueue({ playbookId: 'p', mode: 'production', trigger: {} })).id
    deps.advance(10 * DAY)
    const recent = []
    for (let i = 0; i < 4; i++) {
      deps.advance(1000)
      recent.push(await finishedRun())
    }
    const retention = createRetention({
      runs,
      sqlite: t.sqlite,
      now: deps.now,
      days: 7,
      maxRuns: 2,
      minFreePages: 0,
    })
    const report = await retention.runOnce()
    expect(report.removed).toBe(3)
    expect(ids().sort()).toEqual([queuedOld, recent[2], recent[3]].sort())
    expect(ids()).not.toContain(old)
    expect((await retention.runOnce()).removed).toBe(0)
  })

  it('turns off a rule at 0', async () => {
    const { t, deps, runs, finishedRun, ids } = setup()
    for (let i = 0; i < 3; i++) await finishedRun()
    deps.advance(100 * DAY)
    const cutoffs: number[] = []
    const alerts = {
      prune: (before: number) => {
        cutoffs.push(before)
        return 2
      },
    }
    const none = createRetention({ runs, alerts, sqlite: t.sqlite, now: deps.now, days: 0, maxRuns: 0 })
    expect(await none.runOnce()).toMatchObject({ removed: 0, removedAlerts: 0 })
    expect(cutoffs).toEqual([])
    const byAge = createRetention({ runs, alerts, sqlite: t.sqlite, now: deps.now, days: 30, maxRuns: 0 })
    expect(await byAge.runOnce()).toMatchObject({ removed: 3, removedAlerts: 2 })
    expect(cutoffs).toEqual([deps.now() - 30 * DAY])
    expect(ids()).toEqual([])
  })

  it('gives the space back with a VACUUM when the database has no auto_vacuum', async () => {
    const { t, deps, runs, finishedRun } = setup()
    expect(t.sqlite.pragma('auto_vacuum', { simple: true })).toBe(0)
    for (let i = 0; i < 20; i++) await finishedRun(100) // ~2 MB of history
    t.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const grown = statSync(t.path).size
    expect(grown).toBeGreaterThan(2_000_000)
    deps.advance(31 * DAY)
    const retention = createRetention({
      runs,
      sqlite: t.sqlite,
      now: deps.now,
      days: 30,
      maxRuns: 0,
      minFreePages: 64,
    })
    const report = await retention.runOnce()
    expect(report).toMatchObject({ removed: 20, reclaimed: 'vacuum' })
    expect(report.pagesAfter).toBeLessThan(report.pagesBefore / 4)
    expect(statSync(t.path).size).toBeLessThan(grown / 4)
    expect(t.sqlite.prepare('SELECT count(*) FROM run_events').pluck().get()).toBe(0)
  })

  it('uses incremental_vacuum when the database was created with auto_vacuum = INCREMENTAL', async () => {
    const { t, deps, runs, finishedRun } = setup({ incremental: true })
    expect(t.sqlite.pragma('auto_vacuum', { simple: true })).toBe(2)
    for (let i = 0; i < 20; i++) await finishedRun(100)
    deps.advance(31 * DAY)
    const retention = createRetention({
      runs,
      sqlite: t.sqlite,
      now: deps.now,
      days: 30,
      maxRuns: 0,
      minFreePages: 64,
    })
    const report = await retention.runOnce()
    expect(report).toMatchObject({ removed: 20, reclaimed: 'incremental' })
    expect(report.pagesAfter).toBeLessThan(report.pagesBefore / 4)
  })

  it('leaves a little free space alone', async () => {
    const { t, deps, runs, finishedRun } = setup()
    for (let i = 0; i < 30; i++) await finishedRun(1)
    deps.advance(31 * DAY)
    const retention = createRetention({ runs, sqlite: t.sqlite, now: deps.now, days: 30, maxRuns: 0 })
    expect(await retention.runOnce()).toMatchObject({ removed: 30, reclaimed: 'none' })
  })

  it('prunes on start, then every interval, until stopped', async () => {
    vi.useFakeTimers()
    const prune = vi.fn(async () => 0)
    const { t } = setup()
    const retention = createRetention({
      runs: { prune },
      sqlite: t.sqlite,
      now: () => 40 * DAY,
      days: 30,
      maxRuns: 10,
      intervalMs: 1000,
    })
    await retention.start()
    expect(prune).toHaveBeenCalledWith({ before: 10 * DAY, keep: 10 })
    await vi.advanceTimersByTimeAsync(2500)
    expect(prune).toHaveBeenCalledTimes(3)
    retention.stop()
    await vi.advanceTimersByTimeAsync(5000)
    expect(prune).toHaveBeenCalledTimes(3)
  })
})
