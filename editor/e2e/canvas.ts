import type { Locator, Page } from 'playwright-core'

/**
 * What an analyst does with the mouse on the designer's canvas, for the end-to-end tests: drag a
 * palette item onto the pane, wire an output port to an input, read a node's run status.
 */

/** The canvas box of node `id`. */
export function canvasNode(page: Page, id: string): Locator {
  return page.locator(`.react-flow__node[data-id="${id}"]`)
}

/** The handle of output `port` of node `id`. */
export function outputHandle(page: Page, id: string, port = 'out'): Locator {
  return canvasNode(page, id).locator(`.react-flow__handle.source[data-handleid="${port}"]`)
}

/** The input handle of node `id`. */
export function inputHandle(page: Page, id: string): Locator {
  return canvasNode(page, id).locator('.react-flow__handle.target')
}

/** The empty part of the canvas (where palette items are dropped). */
export function canvasPane(page: Page): Locator {
  return page.locator('.react-flow__pane')
}

/**
 * Drags the palette item of `type` onto the canvas, `at` pixels from the pane's top-left corner
 * (an HTML5 drag: playwright carries the DataTransfer from dragstart to drop in Chromium).
 * @example await dragFromPalette(page, 'trigger.alert', { x: 40, y: 60 })
 */
export async function dragFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  await page.getByTestId(`palette-item-${type}`).dragTo(canvasPane(page), { targetPosition: at })
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox()
  if (!box) throw new Error(`${locator} is not visible`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * Wires output `port` of `from` to the input of `to` as a user does: press on the output handle,
 * move to the input handle in small steps, release.
 * @example await connect(page, 'if', 'true', 'virustotal_url_report')
 */
export async function connect(page: Page, from: string, port: string, to: string) {
  const start = await centreOf(outputHandle(page, from, port))
  const end = await centreOf(inputHandle(page, to))
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 20, start.y + 10, { steps: 4 })
  await page.mouse.move(end.x, end.y, { steps: 12 })
  await page.mouse.up()
}

/** The run status a node shows on the canvas ('' when it shows none). */
export async function nodeStatus(page: Page, id: string): Promise<string> {
  return (await canvasNode(page, id).locator('.step-node').getAttribute('data-status')) ?? ''
}

/**
 * Waits until the canvas viewport stops moving (after an animated zoom to fit), so a screenshot
 * shows where it came to rest.
 */
export async function viewportSettled(page: Page) {
  const viewport = page.locator('.react-flow__viewport')
  let last = ''
  let still = 0
  for (let i = 0; i < 60 && still < 3; i++) {
    const now = (await viewport.getAttribute('style')) ?? ''
    still = now === last ? still + 1 : 0
    last = now
    await page.waitForTimeout(100)
  }
}

/** Scrolls the palette back to its first group (dragging items scrolls them into view). */
export async function scrollPaletteToTop(page: Page) {
  const palette = page.getByRole('navigation', { name: 'Node palette' })
  await palette.getByRole('region', { name: 'Triggers' }).scrollIntoViewIfNeeded()
}
