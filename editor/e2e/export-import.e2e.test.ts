import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toCanonical } from '../../runtime/format/canonical.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import { canvasNode } from './canvas.ts'
import { type EditorSession, openEditor, screenshotFailures, USER_PASSWORD } from './harness.ts'

/**
 * Export then import gives the same file, in Chromium: the example `phishing-triage` exported from
 * the designer is byte-for-byte the API's canonical JSON; importing that file over the draft (from
 * the Playbooks page, then with the designer's own Import and a save) and exporting again gives the
 * same bytes.
 */

const ID = 'phishing-triage'

interface Draft {
  updatedBy: string | null
  playbook: Playbook
}

let s: EditorSession
/** Where downloads are saved under their suggested names, as a browser would. */
const downloads = mkdtempSync(join(tmpdir(), 'bulwark-e2e-downloads-'))
screenshotFailures(() => s)
let exported = ''
let exportedPath = ''

beforeAll(async () => {
  s = await openEditor()
  await s.createUser('ana', 'analyst')
  await s.login('ana', USER_PASSWORD)
}, 120_000)

afterAll(async () => {
  await s?.close()
  rmSync(downloads, { recursive: true, force: true })
})

/** The draft as the API serves it, and its canonical text. */
async function apiDraft() {
  const draft = await s.api<Draft>('GET', `/api/playbooks/${ID}`)
  return { draft, canonical: toCanonical(draft.playbook) }
}

/** Clicks the designer's Export and returns the downloaded file's name, path and text. */
async function exportFile(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('toolbar', { name: 'Designer' }).getByRole('button', { name: 'Export' }).click(),
  ])
  const name = download.suggestedFilename()
  const path = join(downloads, name)
  await download.saveAs(path)
  return { name, path, text: readFileSync(path, 'utf8') }
}

/** Picks `path` in the file chooser that `button` opens. */
async function chooseFile(page: Page, button: Locator, path: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()])
  await chooser.setFiles(path)
}

async function openDesigner(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbooks' }).click()
  await page.getByRole('table', { name: 'Playbooks' }).getByRole('link', { name: 'Phishing triage' }).click()
  await page.waitForURL(`**/playbooks/${ID}`)
  await canvasNode(page, 'approve_block').waitFor()
}

describe('export then import gives the same file', { timeout: 120_000 }, () => {
  it('exports an example from the designer as the API canonical JSON', async () => {
    const page = s.page
    await openDesigner(page)
    const file = await exportFile(page)
    expect(file.name).toBe(`${ID}.json`)
    const { draft, canonical } = await apiDraft()
    expect(file.text).toBe(canonical)
    // The server stores canonical text: its JSON, printed back, is that same text.
    expect(file.text).toBe(`${JSON.stringify(draft.playbook, null, 2)}\n`)
    expect(draft.updatedBy).not.toBe('ana')
    exported = file.text
    exportedPath = file.path
  })

  it('imports the file over the draft from the Playbooks page and exports the same bytes', async () => {
    const page = s.page
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbooks' }).click()
    // The page first tries to create the playbook; the server's 409 is what offers the replacement.
    s.expectHttpError('POST', '/api/playbooks', 409)
    await chooseFile(page, page.getByRole('button', { name: 'Import' }), exportedPath)
    const conflict = page.getByRole('dialog', { name: `Playbook ${ID} already exists` })
    await conflict.getByText("Replace that playbook's draft with this file?").waitFor()
    await s.screenshot('import-conflict')
    await conflict.getByRole('button', { name: 'Replace the draft' }).click()
    await page.waitForURL(`**/playbooks/${ID}`)
    await canvasNode(page, 'approve_block').waitFor()
    const { draft, canonical } = await apiDraft()
    expect(draft.updatedBy).toBe('ana')
    expect(canonical).toBe(exported)
    expect((await exportFile(page)).text).toBe(exported)
  })

  it("re-imports it with the designer's Import, saves, and exports the same bytes again", async () => {
    const page = s.page
    const toolbar = page.getByRole('toolbar', { name: 'Designer' })
    await chooseFile(page, toolbar.getByRole('button', { name: 'Import' }), exportedPath)
    await page
      .getByRole('status')
      .filter({ hasText: `Imported ${ID}.json` })
      .waitFor()
    await page.keyboard.press('Control+s')
    await page.getByRole('status').filter({ hasText: 'Draft saved' }).waitFor()
    expect(await toolbar.textContent()).toContain('Saved')
    expect((await apiDraft()).canonical).toBe(exported)
    expect((await exportFile(page)).text).toBe(exported)
  })

  it('logged no console errors, page errors or failed requests', () => {
    expect(s.errors).toEqual([])
  })
})
