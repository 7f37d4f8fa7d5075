import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Playbook } from '../../runtime/format/schema.ts'
import { tempDatabase } from '../db/test-db.ts'
import type { EnqueueRequest } from '../runner/types.ts'
import { createSqliteAlertIntake } from '../store/sqlite-alert-intake.ts'
import { createSqliteCaseStore } from '../store/sqlite-case-store.ts'
import { createSqlitePlaybookStore } from '../store/sqlite-playbook-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { createAlertIntake } from './intake.ts'

const wazuh = JSON.parse(
  readFileSync(new URL('../../examples/alerts/wazuh-alert.json', import.meta.url), 'utf8'),
)

function playbook(id: string, trigger: { type: string; params?: Record<string, unknown> }): Playbook {
  return {
    format: 'bulwark.playbook/2',
    id,
    name: id,
    nodes: [{ id: 'start', version: 1, params: {}, ...trigger }],
    edges: [],
  }
}

let t: ReturnType<typeof tempDatabase>
beforeEach(() => {
  t = tempDatabase()
})
afterEach(() => t.cleanup())

async function setup(opts: { fail?: boolean } = {}) {
  const deps = testDeps()
  const playbooks = createSqlitePlaybookStore(t.db, deps)
  const queued: EnqueueRequest[] = []
  const runner = {
    async enqueueRun(req: EnqueueRequest) {
      if (opts.fail) throw new Error('queue down')
      queued.push(req)
      return req.runId ?? `run-${queued.length}`
    },
  }
  const grouping = { key: '{{ trigger.rule.id }}:{{ trigger.host }}', windowMinutes: 30 }
  await playbooks.putDraft(playbook('grouped', { type: 'trigger.alert', params: { grouping } }))
  await playbooks.publish('grouped')
  await playbooks.putDraft(playbook('hook', { type: 'trigger.webhook' }))
  await playbooks.publish('hook')
  await playbooks.putDraft(playbook('manual', { type: 'trigger.manual' }))
  await playbooks.publish('manual')
  const intake = createAlertIntake({
    runner,
    playbooks,
    store: createSqliteAlertIntake(t.db, deps),
    now: deps.now,
    ids: deps.ids,
  })
  return { intake, queued, deps, cases: createSqliteCaseStore(t.db, deps) }
}

const prod = (playbookId: string, trigger: unknown = wazuh): EnqueueRequest => ({
  playbookId,
  mode: 'production',
  trigger,
  requestedBy: 'webhook',
})

describe('alert intake', () => {
  it('groups repeated alerts by the rendered key and runs only for the first', async () => {
    const { intake, queued, cases } = await setup()
    const first = await intake.enqueue(prod('grouped'))
    expect(first).toMatchObject({ created: true, runId: expect.any(String), caseId: expect.any(String) })
    expect(queued[0]).toMatchObject({ playbookId: 'grouped', version: 1, runId: first.runId })
    expect(await intake.enqueue(prod('grouped'))).toMatchObject({ caseId: first.caseId, runId: null })
    const other = { ...wazuh, agent: { ...wazuh.agent, name: 'db-2' } }
    expect((await intake.enqueue(prod('grouped', other))).caseId).not.toBe(first.caseId)
    expect(queued).toHaveLength(2)
    const c = await cases.get(first.caseId!)
    expect(c).toMatchObject({ alertCount: 2, source: 'wazuh', ruleId: wazuh.rule.id })
    expect(c?.alerts[0]?.raw).toEqual(wazuh)
  })

  it('runs a joining alert when a person starts the run', async () => {
    const { intake, queued } = await setup()
    const first = await intake.enqueue(prod('grouped'))
    const again = await intake.enqueue({ ...prod('grouped'), requestedBy: 'alice' }, { alwaysRun: true })
    expect(again).toMatchObject({ caseId: first.caseId, runId: expect.any(String) })
    expect(queued).toHaveLength(2)
  })

  it('opens a case per alert on a webhook trigger without grouping, and ignores what is not an alert', async () => {
    const { intake, queued } = await setup()
    const a = await intake.enqueue(prod('hook'))
    const b = await intake.enqueue(prod('hook'))
    expect(a.caseId).not.toBe(b.caseId)
    expect(await intake.enqueue(prod('hook', { n: 1 }))).toEqual({ runId: expect.any(String) })
    expect(await intake.enqueue(prod('manual'))).toEqual({ runId: expect.any(String) })
    expect(queued).toHaveLength(4)
  })

  it('stores test-run alerts of the draft without a case', async () => {
    const { intake, queued } = await setup()
    const r = await intake.enqueue({ ...prod('grouped'), mode: 'test' })
    expect(r).toMatchObject({ caseId: null, alertId: expect.any(String) })
    expect(queued[0]?.version).toBeUndefined()
  })

  it('lets the runner refuse unknown playbooks, and forgets the run it could not queue', async () => {
    const { intake } = await setup({ fail: true })
    await expect(intake.enqueue(prod('no-such'))).rejects.toThrow('queue down')
    await expect(intake.enqueue(prod('grouped'))).rejects.toThrow('queue down')
    expect(t.sqlite.prepare('select count(*) as n from case_runs').get()).toEqual({ n: 0 })
    expect(t.sqlite.prepare('select run_id from alerts').all()).toEqual([{ run_id: null }])
  })
})
