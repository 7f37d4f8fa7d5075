import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { loginHeaders } from '../../server/testing/server-process.ts'
import { ADMIN_PASSWORD, type EditorSession, openEditor } from './harness.ts'

/**
 * A burst of 20 Wazuh alerts (the same sshd brute force from one source, each with its own alert id
 * and time) sent at once to the example `brute-force-login` playbook, whose trigger groups by rule,
 * user and source IP, becomes one case: on the dashboard (1 case and 20 alerts for rule 5712), in
 * the case list, and on the case page with its 20 alerts and their raw payloads.
 */
const BURST = 20
const WAZUH = JSON.parse(
  readFileSync(new URL('../../examples/alerts/wazuh-alert.json', import.meta.url), 'utf8'),
) as { id: string; rule: { id: string } }
const RULE = WAZUH.rule.id
/** The SIEM saw the first alert a minute ago. */
const FIRST = Date.now() - 60_000

let session: EditorSession | undefined
afterAll(async () => {
  await session?.close()
})

/** The i-th alert of the burst, as Wazuh writes it. */
function alert(i: number) {
  const at = new Date(FIRST + i * 700).toISOString().replace('Z', '+0000')
  return JSON.stringify({ ...WAZUH, id: `1768464764.${2_210_394 + i}`, timestamp: at })
}

/** The cells of a table's body rows, as text. */
async function cells(table: import('playwright-core').Locator) {
  const rows = await table.locator('tbody tr').all()
  return Promise.all(rows.map((r) => r.locator('th, td').allTextContents()))
}

describe('cases in the editor', () => {
  it('shows a burst of SIEM alerts as one case on the dashboard, the case list and the case page', async () => {
    session = await openEditor({ viewport: { width: 1440, height: 1500 } })
    const { page, server } = session
    const admin = await loginHeaders(server.base, 'admin', ADMIN_PASSWORD)
    const armed = await fetch(`${server.base}/api/playbooks/brute-force-login/webhook`, {
      method: 'POST',
      headers: admin,
    })
    expect(armed.status).toBe(200)
    const { secret } = (await armed.json()) as { secret: string }

    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        fetch(`${server.base}/hooks/brute-force-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
          body: alert(i),
        }),
      ),
    )
    expect(answers.map((r) => r.status)).toEqual(Array(BURST).fill(202))
    const runIds = (
      await Promise.all(answers.map(async (r) => ((await r.json()) as { runIds: string[] }).runIds))
    ).flat()
    expect(runIds).toHaveLength(1) // joining alerts do not run the playbook again

    // Charts draw at once (recharts honours reduced motion), so the screenshot shows whole bars.
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await session.login()
    await page.getByRole('link', { name: 'Dashboard' }).click()
    const byRule = page.getByRole('table', { name: 'Alerts and cases by rule' })
    await byRule.waitFor()
    expect(await cells(byRule)).toEqual([[RULE, String(BURST), '1']])
    const headline = (await page.getByLabel('Headline figures').textContent()) ?? ''
    expect(headline).toContain('Cases1')
    expect(headline).toContain(`Alerts${BURST}`)
    expect(await cells(page.getByRole('table', { name: 'Alerts and cases by source' }))).toEqual([
      ['wazuh', String(BURST), '1'],
    ])
    await page.locator('.dashboard-chart .recharts-bar-rectangle').first().waitFor()
    await page.getByText('Every rule seen in alerts has a playbook.').waitFor()
    await session.screenshot('dashboard')

    // The rule links to its cases: exactly one.
    await byRule.getByRole('link', { name: RULE }).click()
    const list = page.getByRole('table', { name: 'Cases' })
    await list.waitFor()
    expect(new URL(page.url()).search).toBe(`?rule=${RULE}`)
    const rows = await cells(list)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.[4]).toBe(String(BURST))

    // The case page lists every alert with its raw payload, the run and the playbook for the rule.
    await list.getByRole('link').first().click()
    const alerts = page.getByRole('table', { name: 'Linked alerts' })
    await alerts.waitFor()
    expect(await alerts.locator('tbody tr').count()).toBe(BURST)
    expect(await page.getByRole('heading', { name: `Alerts (${BURST})` }).count()).toBe(1)
    await alerts.getByRole('button', { name: 'Raw payload' }).first().click()
    expect(await alerts.locator('pre').textContent()).toContain('"srcip": "193.32.162.77"')
    expect(await page.getByRole('link', { name: runIds[0] }).getAttribute('href')).toBe(`/runs/${runIds[0]}`)
    await page.getByRole('link', { name: 'Brute-force sign-in' }).waitFor()
    await page
      .getByRole('region', { name: 'Timeline' })
      .getByText(`${BURST - 1} alerts joined`)
      .waitFor()

    // A person acknowledges it through the browser (session cookie and CSRF header).
    await page.getByRole('button', { name: 'Acknowledge' }).click()
    await page
      .getByRole('group', { name: 'Move the case' })
      .getByRole('button', { name: 'Mark contained' })
      .waitFor()
    await page.getByLabel('Case facts').getByText('acknowledged', { exact: true }).waitFor()
    await session.screenshot('case')
    expect(session.errors).toEqual([])
  }, 120_000)
})
