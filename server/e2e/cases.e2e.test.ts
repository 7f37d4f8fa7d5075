import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { loginHeaders, type ServerProcess, startServerProcess } from '../testing/server-process.ts'
import { signBody } from '../webhooks/signature.ts'

/**
 * The real server process on 127.0.0.1: a burst of 100 concurrent Splunk ES alerts (the same Okta
 * brute force) to the example `brute-force-login` playbook, whose trigger groups by rule, user and
 * source IP, becomes one case with 100 alerts and one run, visible in the case list, the case page
 * (with the playbook answering its rule) and the KPIs.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const PASSWORD = 'e2e-admin-password-long'
const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-e2e-cases-'))
let server: ServerProcess | undefined

interface CaseDetail {
  alerts: unknown[]
  runs: { runId: string }[]
  playbooks: { id: string }[]
}

afterAll(async () => {
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('alert burst to a case', () => {
  it('groups 100 concurrent SIEM alerts into one case on the dashboard API', async () => {
    server = await startServerProcess({
      dataDir,
      adminPassword: PASSWORD,
      env: { BULWARK_SKIP_EDITOR_BUILD: '1' },
    })
    const base = server.base
    const admin = await loginHeaders(base, 'admin', PASSWORD)
    const rotated = await fetch(`${base}/api/playbooks/brute-force-login/webhook`, {
      method: 'POST',
      headers: admin,
    })
    expect(rotated.status).toBe(200)
    const { secret } = (await rotated.json()) as { secret: string }

    const body = readFileSync(join(ROOT, 'examples/alerts/splunk-okta-bruteforce.json'), 'utf8')
    const headers = { 'content-type': 'application/json', 'x-bulwark-signature': signBody(secret, body) }
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        fetch(`${base}/hooks/brute-force-login`, { method: 'POST', headers, body }),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(202))
    const runIds = (
      await Promise.all(answers.map(async (r) => ((await r.json()) as { runIds: string[] }).runIds))
    ).flat()
    expect(runIds).toHaveLength(1)

    const rule = JSON.parse(body).search_name as string
    const get = async <T>(path: string) =>
      (await (await fetch(`${base}${path}`, { headers: admin })).json()) as T
    const list = await get<{ items: { id: string }[] }>(`/api/cases?rule=${encodeURIComponent(rule)}`)
    expect(list.items).toHaveLength(1)
    const c = await get<CaseDetail>(`/api/cases/${list.items[0]?.id}`)
    expect(c).toMatchObject({ alertCount: 100, source: 'splunk', severity: 'high', status: 'new' })
    expect(c.alerts).toHaveLength(100)
    expect(c.runs.map((r) => r.runId)).toEqual(runIds)
    expect(c.playbooks.map((p) => p.id)).toEqual(['brute-force-login'])

    const kpis = await get<object>('/api/metrics/kpis?playbook=brute-force-login')
    expect(kpis).toMatchObject({
      cases: 1,
      alerts: 100,
      bySource: [{ key: 'splunk', alerts: 100, cases: 1 }],
    })
    const rules = await get<{ items: { ruleId: string }[] }>('/api/rules')
    expect(rules.items.find((r) => r.ruleId === rule)).toMatchObject({ alerts: 100, gap: false })
  })
})
