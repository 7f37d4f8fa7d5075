import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signBody } from '../webhooks/signature.ts'
import { createTestApp, node } from './test-app.ts'

const wazuh = readFileSync(new URL('../../examples/alerts/wazuh-alert.json', import.meta.url), 'utf8')
const splunk = readFileSync(new URL('../../examples/alerts/splunk-webhook.json', import.meta.url), 'utf8')

type TestApp = Awaited<ReturnType<typeof createTestApp>>
let t: TestApp
const secrets: Record<string, string> = {}
let caseId = ''

async function publish(id: string, nodes: ReturnType<typeof node>[], rules: string[] = []) {
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id }))
  const playbook = { format: 'bulwark.playbook/2', id, name: id, rules, nodes, edges }
  expect((await t.call('analyst', 'POST', '/api/playbooks', playbook)).status).toBe(201)
  expect((await t.call('champion', 'POST', `/api/playbooks/${id}/publish`, { note: 'v1' })).status).toBe(201)
  secrets[id] = (await (await t.call('champion', 'POST', `/api/playbooks/${id}/webhook`)).json()).secret
}

const hook = (id: string, body: string) =>
  t.app.request(`/hooks/${id}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-bulwark-signature': signBody(secrets[id]!, body) },
  })

beforeAll(async () => {
  t = await createTestApp()
  const grouping = { key: '{{ trigger.rule.id }}:{{ trigger.host }}', windowMinutes: 60 }
  await publish(
    'ssh-burst',
    [
      node('alert', 'trigger.alert', { grouping }),
      node('case', 'action.case', {
        severity: 'critical',
        tags: ['ssh'],
        comment: 'triaged by {{ run.playbookId }}',
      }),
    ],
    ['5712'],
  )
  await publish('any-hook', [node('start', 'trigger.webhook')])
})
afterAll(() => t.close())

describe('alert grouping through the webhook', () => {
  it('turns 100 concurrent identical alerts into 1 case, 100 linked alerts and 1 run', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => hook('ssh-burst', wazuh)))
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(202))
    const runIds = (await Promise.all(answers.map(async (r) => (await r.json()).runIds as string[]))).flat()
    expect(runIds).toHaveLength(1)
    await t.untilRun(runIds[0]!, ['succeeded'])

    const list = await (await t.call('viewer', 'GET', '/api/cases?playbook=ssh-burst')).json()
    expect(list.items).toHaveLength(1)
    caseId = list.items[0].id
    const c = await (await t.call('viewer', 'GET', `/api/cases/${caseId}`)).json()
    expect(c).toMatchObject({
      alertCount: 100,
      ruleId: '5712',
      source: 'wazuh',
      status: 'new',
      severity: 'critical',
      tags: ['ssh'],
      grouping: true,
      acknowledgedAt: null,
      playbooks: [{ id: 'ssh-burst', published: true }],
      runs: [{ runId: runIds[0], status: 'succeeded', version: 1 }],
    })
    expect(c.alerts).toHaveLength(100)
    expect(c.comments).toEqual([
      expect.objectContaining({ author: `run:${runIds[0]}/case`, text: 'triaged by ssh-burst' }),
    ])
    expect(c.timeline.filter((e: { kind: string }) => e.kind === 'alert')).toHaveLength(99)
  })

  it('stores the alert of a test run without opening a case', async () => {
    const res = await t.call('analyst', 'POST', '/api/playbooks/ssh-burst/runs', {
      event: JSON.parse(wazuh),
      mode: 'test',
    })
    expect(res.status).toBe(202)
    const { runId } = await res.json()
    const run = await t.untilRun(runId, ['succeeded'])
    expect(run.state?.nodes.case).toMatchObject({ simulated: true })
    const list = await (await t.call('viewer', 'GET', '/api/cases?playbook=ssh-burst')).json()
    expect(list.items).toHaveLength(1)
  })
})

describe('changing a case', () => {
  it('applies allowed changes, audits them and acknowledges the case', async () => {
    const res = await t.call('analyst', 'PATCH', `/api/cases/${caseId}`, {
      status: 'acknowledged',
      assignee: 'alice',
    })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.changed).toEqual(['status', 'assignee'])
    expect(body.case.acknowledgedAt).toEqual(expect.any(Number))
    const audit = await t.deps.stores.audit.list({ action: 'case.update' })
    expect(audit.items[0]).toMatchObject({ actor: 'analyst (token)', target: caseId })
  })

  it('refuses a move the status rules forbid with 409, and bad bodies with 422 naming the field', async () => {
    const back = await t.call('responder', 'PATCH', `/api/cases/${caseId}`, { status: 'new' })
    expect(back.status).toBe(409)
    expect((await back.json()).error.message).toMatch(
      /acknowledged case can only move to contained, resolved, closed/,
    )
    const bogus = await t.call('responder', 'PATCH', `/api/cases/${caseId}`, { status: 'done' })
    expect(bogus.status).toBe(422)
    expect((await bogus.json()).error.details.problems[0].path).toBe('$.status')
    const empty = await t.call('responder', 'PATCH', `/api/cases/${caseId}`, {})
    expect(empty.status).toBe(422)
    expect((await empty.json()).error.message).toMatch(/at least one field/)
    const unknown = await t.call('responder', 'PATCH', `/api/cases/${caseId}`, { priority: 1 })
    expect(unknown.status).toBe(422)
    expect((await t.call('responder', 'PATCH', '/api/cases/missing', { title: 'x' })).status).toBe(404)
  })

  it('adds comments to the timeline', async () => {
    const res = await t.call('responder', 'POST', `/api/cases/${caseId}/comments`, { text: 'isolating' })
    expect(res.status).toBe(201)
    const blank = await t.call('responder', 'POST', `/api/cases/${caseId}/comments`, { text: '  ' })
    expect(blank.status).toBe(422)
    const c = await (await t.call('viewer', 'GET', `/api/cases/${caseId}`)).json()
    expect(c.timeline.at(-1)).toMatchObject({ actor: 'responder (token)', kind: 'comment' })
  })

  it('validates list filters', async () => {
    const res = await t.call('viewer', 'GET', '/api/cases?status=open&severity=high')
    expect(res.status).toBe(422)
    expect((await res.json()).error.details.problems.map((p: { path: string }) => p.path)).toEqual([
      '$.status',
    ])
    const page = await (
      await t.call('viewer', 'GET', '/api/cases?status=acknowledged&severity=critical&limit=1')
    ).json()
    expect(page.items.map((c: { id: string }) => c.id)).toEqual([caseId])
  })
})

describe('rules and KPIs', () => {
  it('lists rules with their playbooks, and rules without one as gaps', async () => {
    expect((await hook('any-hook', splunk)).status).toBe(202)
    expect((await hook('any-hook', '{"not":"an alert"}')).status).toBe(202)
    const body = await (await t.call('viewer', 'GET', '/api/rules')).json()
    const byId = Object.fromEntries(body.items.map((r: { ruleId: string }) => [r.ruleId, r]))
    expect(byId['5712']).toMatchObject({ alerts: 100, cases: 1, sources: ['wazuh'], gap: false })
    const splunkRule = JSON.parse(splunk).search_name
    expect(byId[splunkRule]).toMatchObject({ alerts: 1, playbooks: [], gap: true })
    expect(body.gaps).toEqual([splunkRule])
  })

  it('serves the KPIs as JSON and CSV, with validated filters', async () => {
    const kpis = await (await t.call('viewer', 'GET', '/api/metrics/kpis?rule=5712')).json()
    expect(kpis).toMatchObject({
      cases: 1,
      alerts: 100,
      mtta: { count: 1 },
      runs: { ended: 1, successRate: 1 },
    })
    for (const path of [
      '/api/metrics/kpis?format=csv&severity=critical',
      '/api/metrics/kpis.csv?severity=critical',
    ]) {
      const res = await t.call('viewer', 'GET', path)
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
      expect((await res.text()).split('\r\n')).toContain('alerts,,,,,100')
    }
    const bad = await t.call('viewer', 'GET', '/api/metrics/kpis?from=yesterday')
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.details.problems[0].path).toBe('$.from')
  })
})
