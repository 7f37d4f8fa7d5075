import { readFileSync } from 'node:fs'
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  canvasNode,
  connect,
  dragFromPalette,
  nodeStatus,
  scrollPaletteToTop,
  viewportSettled,
} from './canvas.ts'
import { type EditorSession, openEditor, screenshotFailures, USER_PASSWORD } from './harness.ts'

/**
 * An analyst builds the phishing triage playbook in Chromium from an empty canvas: nodes dragged
 * from the palette, ports wired with the mouse, params typed into their fields, the condition
 * clicked together in the rule builder. No JSON is typed; the sample alert is pasted into the run
 * panel, and the test run's states must show on the canvas.
 */

const ALERT = readFileSync(new URL('../../examples/alerts/phishing-report.json', import.meta.url), 'utf8')
const PLAYBOOK = 'phishing-triage-by-hand'

/** The nodes the analyst adds, by the ids the designer derives from their types. */
const IDS = {
  alert: 'alert',
  iocs: 'extract_iocs',
  check: 'if',
  vt: 'virustotal_url_report',
  flagged: 'set',
  clean: 'set_2',
}

interface Draft {
  playbook: {
    nodes: { id: string; type: string; params: Record<string, unknown> }[]
    edges: { from: string; to: string; port?: string }[]
  }
}

let s: EditorSession
screenshotFailures(() => s)

beforeAll(async () => {
  s = await openEditor()
  await s.createUser('ana', 'analyst')
  await s.login('ana', USER_PASSWORD)
}, 120_000)

afterAll(async () => {
  await s?.close()
})

/** Selects a node on the canvas and returns its inspector. */
async function select(id: string) {
  await canvasNode(s.page, id).click()
  const inspector = s.page.getByRole('region', { name: `Node ${id}` })
  await inspector.waitFor()
  return inspector
}

/** Selects a node and names it (the name is its title on the canvas). */
async function name(id: string, title: string) {
  const inspector = await select(id)
  await inspector.getByRole('textbox', { name: 'Node name' }).fill(title)
  return inspector.getByRole('region', { name: 'Parameters' })
}

/** Adds one entry to a Set values node through its key/value form. */
async function addValue(params: Locator, index: number, key: string, value: string) {
  await params.getByRole('button', { name: 'Add to Values' }).click()
  await params.getByRole('textbox', { name: `Values ${index} Name` }).fill(key)
  await params.getByRole('combobox', { name: key, exact: true }).fill(value)
}

/**
 * A README screenshot on a full-HD window with the graph zoomed to fit (at the tests' 1440 px the
 * canvas between the palette and the side panel is narrow), then back to the tests' window.
 */
async function readmeShot(name: string) {
  const page = s.page
  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.getByRole('toolbar', { name: 'Designer' }).getByRole('button', { name: 'Zoom to fit' }).click()
  await viewportSettled(page)
  await s.screenshot(name, { readme: true })
  await page.setViewportSize({ width: 1440, height: 900 })
  await viewportSettled(page)
}

describe('an analyst builds the phishing triage playbook', { timeout: 120_000 }, () => {
  it('starts a new playbook and empties its canvas', async () => {
    const page = s.page
    await page.getByRole('button', { name: 'New playbook' }).click()
    await page.getByRole('textbox', { name: 'Name' }).fill('Phishing triage by hand')
    await expect.poll(() => page.getByRole('textbox', { name: 'Id' }).inputValue()).toBe(PLAYBOOK)
    await page.getByRole('button', { name: 'Create' }).click()
    await page.waitForURL(`**/playbooks/${PLAYBOOK}`)
    await canvasNode(page, 'manual').click()
    await page.keyboard.press('Delete')
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0)
  })

  it('drags the nodes from the palette and wires their ports', async () => {
    const page = s.page
    await dragFromPalette(page, 'trigger.alert', { x: 30, y: 40 })
    await dragFromPalette(page, 'enrich.extract-iocs', { x: 340, y: 40 })
    await dragFromPalette(page, 'condition.if', { x: 30, y: 220 })
    await dragFromPalette(page, 'virustotal.url-report', { x: 340, y: 200 })
    await dragFromPalette(page, 'transform.set', { x: 340, y: 360 })
    await dragFromPalette(page, 'transform.set', { x: 30, y: 470 })
    for (const id of Object.values(IDS)) await expect.poll(() => canvasNode(page, id).count()).toBe(1)

    await connect(page, IDS.alert, 'out', IDS.iocs)
    await connect(page, IDS.iocs, 'out', IDS.check)
    await connect(page, IDS.check, 'true', IDS.vt)
    await connect(page, IDS.vt, 'out', IDS.flagged)
    await connect(page, IDS.check, 'false', IDS.clean)
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(5)
  })

  it('refuses a connection that would close a cycle, saying why', async () => {
    const page = s.page
    await connect(page, IDS.vt, 'out', IDS.iocs)
    const status = page.getByRole('alert').filter({ hasText: 'cycle' })
    await expect.poll(() => status.textContent()).toContain('would close a cycle')
    expect(await page.locator('.react-flow__edge').count()).toBe(5)
  })
})

describe('an analyst configures, saves and tests it', { timeout: 120_000 }, () => {
  it('fills the params in the inspector and the condition in the rule builder', async () => {
    const page = s.page
    await name(IDS.alert, 'User-reported phishing')

    const iocs = await name(IDS.iocs, 'Extract indicators')
    await iocs.getByRole('combobox', { name: 'Text' }).fill(`{{ nodes.${IDS.alert}.output.raw }}`)

    const check = await name(IDS.check, 'URL to check?')
    await check.getByRole('button', { name: 'Add rule' }).click()
    const field = check.getByRole('combobox', { name: 'Rule 1 Field' })
    // The field is picked from the suggestions of upstream outputs, then narrowed to its length.
    await field.pressSequentially('output.urls')
    await check.getByRole('option', { name: `nodes.${IDS.iocs}.output.urls (list)` }).click()
    expect(await field.inputValue()).toBe(`{{ nodes.${IDS.iocs}.output.urls }}`)
    await field.press('End')
    for (let i = 0; i < 3; i++) await field.press('ArrowLeft')
    await field.pressSequentially('.length')
    expect(await field.inputValue()).toBe(`{{ nodes.${IDS.iocs}.output.urls.length }}`)
    await check.getByRole('combobox', { name: 'Rule 1 Operator' }).selectOption({ label: 'is greater than' })
    await check.getByRole('combobox', { name: 'Rule 1 Value' }).fill('0')

    const vt = await name(IDS.vt, 'VirusTotal: first URL')
    await vt.getByRole('combobox', { name: 'URL' }).fill(`{{ nodes.${IDS.iocs}.output.urls[0] }}`)

    const flagged = await name(IDS.flagged, 'Flag for review')
    await addValue(flagged, 1, 'verdict', 'review')
    await addValue(flagged, 2, 'engines', `{{ nodes.${IDS.vt}.output.malicious }}`)
    const clean = await name(IDS.clean, 'Close: no URL')
    await addValue(clean, 1, 'verdict', 'no URL to check')

    await page.getByRole('button', { name: 'Auto-layout' }).click()
    await viewportSettled(page)
    await select(IDS.check)
    expect(await page.getByRole('toolbar', { name: 'Designer' }).textContent()).toContain('Unsaved changes')
  })

  it('is asked before a link would leave the unsaved playbook, and stays', async () => {
    const page = s.page
    const url = page.url()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs' }).click()
    const ask = page.getByRole('dialog', { name: 'Leave with unsaved changes?' })
    await ask.getByRole('button', { name: 'Stay' }).click()
    await ask.waitFor({ state: 'detached' })
    expect(page.url()).toBe(url)
    expect(await page.getByRole('toolbar', { name: 'Designer' }).textContent()).toContain('Unsaved changes')
  })

  it('adds a sticky note, resizes it from its corner, and undoes both', async () => {
    const page = s.page
    const notes = page.locator('.note-node')
    const before = await notes.count()
    await page.getByRole('toolbar', { name: 'Designer' }).getByRole('button', { name: 'Add note' }).click()
    await expect.poll(() => notes.count()).toBe(before + 1)
    const note = notes.nth(before)
    const box = (await note.boundingBox())!
    const corner = (await note.locator('.note-node__resize').boundingBox())!
    await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2)
    await page.mouse.down()
    await page.mouse.move(corner.x + 60, corner.y + 30, { steps: 8 })
    await page.mouse.move(corner.x + corner.width / 2 + 80, corner.y + corner.height / 2 + 40, { steps: 8 })
    await page.mouse.up()
    const resized = (await note.boundingBox())!
    expect(Math.abs(resized.width - box.width - 80)).toBeLessThan(6)
    expect(Math.abs(resized.height - box.height - 40)).toBeLessThan(6)
    await page.keyboard.press('Control+z')
    await expect.poll(async () => Math.round((await note.boundingBox())!.width)).toBe(Math.round(box.width))
    await page.keyboard.press('Control+z')
    await expect.poll(() => notes.count()).toBe(before)
  })

  it('saves with Ctrl+S: the draft holds exactly these nodes and edges', async () => {
    const page = s.page
    await page.keyboard.press('Control+s')
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor()
    expect(await page.getByRole('toolbar', { name: 'Designer' }).textContent()).toContain('Saved')
    await scrollPaletteToTop(page)
    await readmeShot('designer')

    const { playbook } = await s.api<Draft>('GET', `/api/playbooks/${PLAYBOOK}`)
    const byId = Object.fromEntries(playbook.nodes.map((n) => [n.id, n]))
    expect(playbook.nodes.map((n) => [n.id, n.type])).toEqual([
      [IDS.alert, 'trigger.alert'],
      [IDS.iocs, 'enrich.extract-iocs'],
      [IDS.check, 'condition.if'],
      [IDS.flagged, 'transform.set'],
      [IDS.clean, 'transform.set'],
      [IDS.vt, 'virustotal.url-report'],
    ])
    expect(playbook.edges).toEqual([
      { from: IDS.alert, to: IDS.iocs },
      { from: IDS.iocs, to: IDS.check },
      { from: IDS.check, port: 'false', to: IDS.clean },
      { from: IDS.check, port: 'true', to: IDS.vt },
      { from: IDS.vt, to: IDS.flagged },
    ])
    expect(byId[IDS.iocs]?.params.text).toBe(`{{ nodes.${IDS.alert}.output.raw }}`)
    expect(byId[IDS.check]?.params.rules).toEqual([
      { field: `{{ nodes.${IDS.iocs}.output.urls.length }}`, operator: 'gt', value: 0 },
    ])
    expect(byId[IDS.vt]?.params.url).toBe(`{{ nodes.${IDS.iocs}.output.urls[0] }}`)
    expect(byId[IDS.flagged]?.params.values).toEqual({
      verdict: 'review',
      engines: `{{ nodes.${IDS.vt}.output.malicious }}`,
    })
    expect(byId[IDS.clean]?.params.values).toEqual({ verdict: 'no URL to check' })

    // Opened again, the designer shows the saved graph, with nothing left to save.
    await page.reload()
    await canvasNode(page, IDS.flagged).waitFor()
    expect(await page.locator('.react-flow__node').count()).toBe(6)
    expect(await page.locator('.react-flow__edge').count()).toBe(5)
    expect(await page.getByRole('toolbar', { name: 'Designer' }).textContent()).toContain('Saved')
  })

  it('runs a test with the pasted sample alert and shows every node reach its state', async () => {
    const page = s.page
    await page.getByRole('button', { name: 'Zoom to fit' }).click()
    await viewportSettled(page)
    await page.getByRole('tab', { name: 'Run' }).click()
    const panel = page.getByRole('region', { name: 'Test run' })
    await panel.getByRole('textbox', { name: 'Trigger event (JSON)' }).fill(ALERT)
    await panel.getByRole('checkbox', { name: /Also answer lookups from their samples/ }).check()
    await panel.getByRole('button', { name: 'Run test (simulate)' }).click()
    const status = panel.getByRole('region', { name: 'Run status' }).locator('.badge').first()
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe('succeeded')

    const expected = {
      [IDS.alert]: 'succeeded',
      [IDS.iocs]: 'succeeded',
      [IDS.check]: 'succeeded',
      [IDS.vt]: 'simulated',
      [IDS.flagged]: 'succeeded',
      [IDS.clean]: 'skipped',
    }
    for (const [id, state] of Object.entries(expected)) {
      await expect.poll(() => nodeStatus(page, id)).toBe(state)
      expect(await canvasNode(page, id).locator('.step-node__status').textContent()).toContain(state)
    }
    for (const [id, state] of Object.entries(expected))
      expect(await panel.getByRole('button', { name: `Node ${id}: ${state}` }).count()).toBe(1)
    // The edges the run took light up; the dead branch's does not.
    await expect.poll(() => page.locator('.react-flow__edge.taken').count()).toBe(4)
    const edge = (from: string, port: string, to: string) =>
      page.getByRole('group', { name: `${from} ${port} to ${to}` })
    expect(await edge(IDS.check, 'true', IDS.vt).getAttribute('class')).toContain('taken')
    expect(await edge(IDS.check, 'false', IDS.clean).getAttribute('class')).not.toContain('taken')
    await panel.getByRole('button', { name: `Node ${IDS.vt}: simulated` }).click()
    const dismiss = page.getByRole('button', { name: 'Dismiss message' })
    if (await dismiss.isVisible()) await dismiss.click()
    await readmeShot('live-run')
  })

  it('logged no console errors, page errors or failed requests', () => {
    expect(s.errors).toEqual([])
  })
})
