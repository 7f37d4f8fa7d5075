import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeStatus } from './canvas.ts'
import { type EditorSession, openEditor, screenshotFailures, USER_PASSWORD } from './harness.ts'

/**
 * A responder decides a waiting run in Chromium: a test run of the imported example
 * `phishing-triage` (a high-severity report whose URL VirusTotal flags) stops at its approval gate;
 * the responder sees the count on the Approvals badge, approves in the inbox with a comment, and the
 * run detail shows the run finished.
 */

interface PlaybookTests {
  cases: { name: string; event?: unknown }[]
}
const fixture = JSON.parse(
  readFileSync(new URL('../../examples/tests/phishing-triage.json', import.meta.url), 'utf8'),
) as PlaybookTests
/** The example's own high-severity report, the one its tests send to the approval gate. */
const HIGH_SEVERITY = fixture.cases.find((c) => c.name.includes('waits for a responder'))?.event
const MESSAGE = /^Approval: VirusTotal flags https:\/\/invoices-portal\.example\/pay/
const COMMENT = 'Confirmed phish, block it everywhere'

let s: EditorSession
screenshotFailures(() => s)
let runId = ''

async function runStatus(): Promise<string> {
  return (await s.api<{ status: string }>('GET', `/api/runs/${runId}`)).status
}

beforeAll(async () => {
  expect(HIGH_SEVERITY).toBeDefined()
  s = await openEditor()
  await s.createUser('rita', 'responder')
}, 120_000)

afterAll(async () => {
  await s?.close()
})

describe('a responder approves a waiting run in the inbox', { timeout: 120_000 }, () => {
  it('has a test run of the example waiting at its approval gate (set up through the API)', async () => {
    const started = await s.api<{ runId: string }>('POST', '/api/playbooks/phishing-triage/runs', {
      event: HIGH_SEVERITY,
      mode: 'test',
      simulate: { external: true },
    })
    runId = started.runId
    await expect.poll(runStatus, { timeout: 30_000 }).toBe('waiting')
  })

  it('sees the pending count on the Approvals badge', async () => {
    await s.login('rita', USER_PASSWORD)
    const link = s.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Approvals/ })
    await link.getByRole('status', { name: '1 pending' }).waitFor()
    await link.click()
    await s.page.getByRole('heading', { name: 'Approvals', level: 1 }).waitFor()
  })

  it('approves with a comment; the gate leaves the pending tab and the badge clears', async () => {
    const page = s.page
    const card = page.getByRole('article', { name: MESSAGE })
    await card.waitFor()
    expect(await card.textContent()).toContain(runId)
    expect(await card.textContent()).toContain('at node approve_block')
    await card.getByRole('textbox', { name: 'Comment' }).fill(COMMENT)
    await s.screenshot('approvals')
    await card.getByRole('button', { name: 'Approve' }).click()
    await page.getByText('Nothing is waiting for a decision.').waitFor()
    await expect.poll(() => page.getByRole('status', { name: /pending/ }).count()).toBe(0)

    await page.getByRole('tab', { name: 'Decided' }).click()
    const decided = page.getByRole('article', { name: MESSAGE })
    const decisions = decided.getByRole('list', { name: 'Decisions' })
    await expect.poll(() => decisions.textContent()).toContain(`rita approved`)
    expect(await decisions.textContent()).toContain(COMMENT)
    expect(await decided.locator('.badge').first().textContent()).toBe('approved')
  })

  it('follows the run to its detail page, which shows it succeeded past the gate', async () => {
    const page = s.page
    await page.getByRole('article', { name: MESSAGE }).getByRole('link', { name: runId }).click()
    await page.waitForURL(`**/runs/${runId}`)
    const status = page.locator('dt:text-is("Status") + dd .badge')
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('succeeded')
    expect(await runStatus()).toBe('succeeded')
    const graph = page.getByRole('region', { name: 'Run on the playbook graph' })
    await graph.locator('.react-flow__node[data-id="approve_block"]').waitFor()
    await expect.poll(() => nodeStatus(page, 'approve_block')).toBe('succeeded')
    await expect.poll(() => nodeStatus(page, 'blocked')).toBe('succeeded')
  })

  it('logged no console errors, page errors or failed requests', () => {
    expect(s.errors).toEqual([])
  })
})
