import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '../../runtime/engine/types.ts'
import { silenceStore } from '../app/silences.ts'
import type { Db } from '../db/open.ts'
import { tempDatabase } from '../db/test-db.ts'
import { ingestAlert } from '../store/case-fixtures.ts'
import { createSqliteAlertQueries } from '../store/sqlite-alert-queries.ts'
import { testDeps } from '../store/test-clock.ts'
import { createSilenceWatcher, type SilenceFired, type SilenceWatch } from './watcher.ts'

const MIN = 60_000
const T0 = Date.UTC(2026, 0, 15, 8)
let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const web1: SilenceWatch = {
  key: 'pb/quiet/web-1',
  playbookId: 'pb',
  source: 'wazuh',
  host: 'web-1',
  minutes: 10,
}
const elastic: SilenceWatch = { key: 'pb/quiet/elastic', playbookId: 'pb', source: 'elastic', minutes: 10 }

function setup() {
  t = tempDatabase()
  const deps = testDeps(T0)
  const clock: Clock = { now: deps.now, setTimeout: () => 0, clearTimeout: () => {} }
  const fired: string[] = []
  const watcher = (db: Db) =>
    createSilenceWatcher({
      clock,
      store: silenceStore(db, createSqliteAlertQueries(db)),
      list: () => [web1, elastic],
      onFire: (w, f: SilenceFired) => {
        const m = (ms: number | null) => (ms === null ? 'none' : `${(ms - T0) / MIN}m`)
        fired.push(`${w.source}@${m(f.firedAt)} since ${m(f.silentSince)} last ${m(f.lastAlertAt)}`)
      },
      onError: (err) => {
        throw err
      },
    })
  const at = async (minutes: number, w: ReturnType<typeof watcher>) => {
    deps.set(T0 + minutes * MIN)
    await w.tick()
  }
  const alert = (minutes: number, over: Parameters<typeof ingestAlert>[2] = {}) => {
    deps.set(T0 + minutes * MIN)
    ingestAlert(t!.db, deps, { alert: { source: 'wazuh', host: 'web-1' }, ...over })
  }
  return { fired, watcher, at, alert }
}

describe('silence watcher', () => {
  it('fires once per silence, again after the source recovers, and survives a restart', async () => {
    const s = setup()
    let w = s.watcher(t!.db)
    await s.at(0, w)
    s.alert(5)
    await s.at(14, w)
    expect(s.fired).toEqual(['elastic@14m since 0m last none'])
    await s.at(15, w)
    await s.at(16, w)
    expect(s.fired.slice(1)).toEqual(['wazuh@15m since 5m last 5m'])

    w = s.watcher(t!.reopen().db)
    await s.at(20, w)
    expect(s.fired).toHaveLength(2)

    s.alert(25)
    await s.at(34, w)
    expect(s.fired).toHaveLength(2)
    await s.at(35, w)
    expect(s.fired.at(-1)).toBe('wazuh@35m since 25m last 25m')

    s.alert(36, { alert: { source: 'wazuh', host: 'web-2' } })
    s.alert(37, { mode: 'test', grouping: undefined })
    await s.at(50, w)
    expect(s.fired).toHaveLength(3)
  })
})
