import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqlitePlaybookStore } from '../store/sqlite-playbook-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { publishedSilences, silenceEvent, silencesOf } from './silences.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const quiet = (params: Record<string, unknown>) => ({
  format: 'bulwark.playbook/2' as const,
  id: 'quiet',
  name: 'Quiet source',
  nodes: [{ id: 'silent', type: 'trigger.silence', version: 1, params }],
  edges: [],
})

describe('silence triggers', () => {
  it('reads valid silence nodes with a key that ignores minutes', () => {
    const [w] = silencesOf('quiet', JSON.stringify(quiet({ source: 'wazuh', host: 'web-1', minutes: 30 })))
    expect(w).toEqual({
      key: '["quiet","silent","wazuh","web-1",null]',
      playbookId: 'quiet',
      source: 'wazuh',
      host: 'web-1',
      minutes: 30,
    })
    const [longer] = silencesOf(
      'quiet',
      JSON.stringify(quiet({ source: 'wazuh', host: 'web-1', minutes: 60 })),
    )
    expect(longer?.key).toBe(w?.key)
    expect(silencesOf('quiet', JSON.stringify(quiet({ source: 'wazuh', minutes: 0 })))).toEqual([])
  })

  it('watches published versions only, following new versions', async () => {
    t = tempDatabase()
    const playbooks = createSqlitePlaybookStore(t.db, testDeps())
    const list = publishedSilences(playbooks)
    await playbooks.putDraft(quiet({ source: 'splunk', minutes: 5 }))
    expect(await list()).toEqual([])
    await playbooks.publish('quiet')
    expect((await list()).map((w) => w.minutes)).toEqual([5])
    await playbooks.putDraft(quiet({ source: 'splunk', minutes: 9 }))
    expect((await list()).map((w) => w.minutes)).toEqual([5])
    await playbooks.publish('quiet')
    expect((await list()).map((w) => w.minutes)).toEqual([9])
  })

  it("passes the silence to the run as trigger.silence's output", () => {
    const w = { key: 'k', playbookId: 'quiet', source: 'wazuh', rule: '5712', minutes: 10 }
    expect(silenceEvent(w, { silentSince: 0, lastAlertAt: null, firedAt: 600_000 })).toEqual({
      source: 'wazuh',
      rule: '5712',
      minutes: 10,
      silentSince: '1970-01-01T00:00:00.000Z',
      lastAlertAt: null,
      firedAt: '1970-01-01T00:10:00.000Z',
    })
  })
})
