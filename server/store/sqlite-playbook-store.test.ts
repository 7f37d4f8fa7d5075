import { afterEach, describe, expect, it } from 'vitest'
import type { Playbook } from '../../runtime/format/schema.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createSqlitePlaybookStore } from './sqlite-playbook-store.ts'
import { createSqliteRunStore } from './sqlite-run-store.ts'
import { testDeps } from './test-clock.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const playbook = (id: string, name = 'Triage'): Playbook =>
  ({
    format: 'bulwark.playbook/2',
    id,
    name,
    tags: ['phishing', 'email'],
    nodes: [{ id: 'start', type: 'trigger.manual', version: 1, params: {} }],
    edges: [],
  }) as unknown as Playbook

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  return { deps, store: createSqlitePlaybookStore(t.db, deps), runs: createSqliteRunStore(t.db, deps) }
}

describe('SqlitePlaybookStore', () => {
  it('stores the draft as canonical text and reports creation', async () => {
    const { store } = setup()
    const first = await store.putDraft(playbook('triage'), 'alice')
    expect(first.created).toBe(true)
    expect(first.draft.json.endsWith('\n')).toBe(true)
    expect(JSON.parse(first.draft.json).id).toBe('triage')
    expect(first.draft.tags).toEqual(['email', 'phishing'])
    const second = await store.putDraft(playbook('triage', 'Renamed'), 'bob')
    expect(second).toMatchObject({ created: false, draft: { name: 'Renamed', updatedBy: 'bob' } })
  })

  it('publishing twice yields v1 and v2; v1 cannot be changed', async () => {
    const { store } = setup()
    await store.putDraft(playbook('triage'))
    expect(await store.publish('triage', { note: 'first', actor: 'carol' })).toMatchObject({ version: 1 })
    await store.putDraft(playbook('triage', 'Second'))
    expect(await store.publish('triage', { note: 'second' })).toMatchObject({ version: 2 })
    expect((await store.versions('triage')).map((v) => [v.version, v.note, v.json])).toEqual([
      [1, 'first', undefined],
      [2, 'second', undefined],
    ])
    expect(JSON.parse((await store.getVersion('triage'))!.json!).name).toBe('Second')
    expect(JSON.parse((await store.getVersion('triage', 1))!.json!).name).toBe('Triage')
    expect(() =>
      t!.sqlite.prepare(`UPDATE playbook_versions SET json = '{}' WHERE version = 1`).run(),
    ).toThrow(/immutable/)
    await expect(store.publish('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('lists with the newest version and last run; soft delete hides, a new draft restores', async () => {
    const { store, runs, deps } = setup()
    await store.putDraft(playbook('a'))
    await store.putDraft(playbook('b'))
    await store.publish('a')
    await runs.enqueue({ playbookId: 'a', mode: 'test', trigger: {} })
    deps.advance(5)
    const newest = await runs.enqueue({ playbookId: 'a', mode: 'test', trigger: {} })
    const list = await store.list()
    expect(list.map((p) => [p.id, p.latestVersion, p.lastRun?.id ?? null])).toEqual([
      ['a', 1, newest.id],
      ['b', null, null],
    ])
    expect(await store.softDelete('b')).toBe(true)
    expect(await store.softDelete('b')).toBe(false)
    expect(await store.getDraft('b')).toBeUndefined()
    expect((await store.list()).map((p) => p.id)).toEqual(['a'])
    expect((await store.list({ includeDeleted: true })).length).toBe(2)
    await expect(store.publish('b')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await store.putDraft(playbook('b'))
    expect((await store.getDraft('b'))?.deletedAt).toBeNull()
  })

  it('keeps the head (newest version of a live playbook) in step with drafts, publishing and deletion', async () => {
    const { store } = setup()
    expect(await store.head('triage')).toBeUndefined()
    await store.putDraft(playbook('triage'))
    expect(await store.head('triage')).toEqual({ latestVersion: null })
    await store.publish('triage')
    expect(await store.head('triage')).toEqual({ latestVersion: 1 })
    await store.publish('triage')
    expect(await store.head('triage')).toEqual({ latestVersion: 2 })
    await store.softDelete('triage')
    expect(await store.head('triage')).toBeUndefined()
    await store.putDraft(playbook('triage'))
    expect(await store.head('triage')).toEqual({ latestVersion: 2 })
    // Served from memory: a copy read from a fresh store agrees, and the cached head cannot be edited.
    expect(await createSqlitePlaybookStore(t!.db).head('triage')).toEqual({ latestVersion: 2 })
    expect(Object.isFrozen(await store.head('triage'))).toBe(true)
  })
})
