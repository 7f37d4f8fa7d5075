import { afterEach, describe, expect, it } from 'vitest'
import { tempDatabase } from '../db/test-db.ts'
import { createSqlitePlaybookStore } from '../store/sqlite-playbook-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { createRuleIndex } from './rule-index.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const pb = (id: string, rules: string[]) => ({
  format: 'bulwark.playbook/2' as const,
  id,
  name: `Playbook ${id}`,
  rules,
  nodes: [{ id: 'start', type: 'trigger.alert', version: 1, params: {} }],
  edges: [],
})

describe('rule index', () => {
  it('maps rule ids to the live playbooks listing them, following edits and deletes', async () => {
    t = tempDatabase()
    const deps = testDeps()
    const playbooks = createSqlitePlaybookStore(t.db, deps)
    const index = createRuleIndex(playbooks)
    await playbooks.putDraft(pb('a', ['r1', 'r2']))
    await playbooks.publish('a')
    await playbooks.putDraft(pb('b', ['r2']))
    let h = await index.handlers()
    expect(h.get('r1')).toEqual([{ id: 'a', name: 'Playbook a', published: true }])
    expect(h.get('r2')?.map((x) => `${x.id}:${x.published}`)).toEqual(['a:true', 'b:false'])
    deps.advance(1)
    await playbooks.putDraft(pb('b', ['r3']))
    await playbooks.softDelete('a')
    h = await index.handlers()
    expect([...h.keys()]).toEqual(['r3'])
  })
})
