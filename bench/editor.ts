import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { ADMIN_PASSWORD, openEditor } from '../editor/e2e/harness.ts'
import { loginHeaders } from '../server/testing/server-process.ts'
import { largePlaybook } from './editor-playbook.ts'
import type { Row } from './engine.ts'

/**
 * The editor in headless Chromium against the real server: time from navigation to an interactive
 * 500-node playbook in the designer, the frame rate while panning it, and the JavaScript the first
 * designer load fetches (gzipped, Monaco excluded: it loads only when a script editor opens).
 */
const DIST = fileURLToPath(new URL('../dist/editor/', import.meta.url))
const RUNS = 5

// Page scripts as source text: tsx would wrap inline functions with a helper the page lacks.
const AFTER_TWO_FRAMES =
  'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))'
const START_COUNTING = `(() => {
  window.__frames = 0
  window.__counting = true
  const tick = () => { if (!window.__counting) return; window.__frames++; requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`
const STOP_COUNTING = '(() => { window.__counting = false; return window.__frames })()'

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

export async function benchEditor(): Promise<Row[]> {
  const session = await openEditor()
  const { page, server } = session
  try {
    const playbook = largePlaybook()
    const headers = await loginHeaders(server.base, 'admin', ADMIN_PASSWORD)
    const created = await fetch(`${server.base}/api/playbooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify(playbook),
    })
    if (created.status >= 300) throw new Error(`import: ${created.status} ${await created.text()}`)
    await session.login()

    const scripts = new Set<string>()
    page.on('response', (res) => {
      const url = new URL(res.url())
      if (url.pathname.endsWith('.js')) scripts.add(url.pathname)
    })

    const loads: number[] = []
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank')
      const started = Date.now()
      await page.goto(`/playbooks/${playbook.id}`)
      await page.locator('.react-flow__node').first().waitFor()
      // Interactive: the main thread answers two animation frames after the nodes appeared.
      await page.evaluate(AFTER_TWO_FRAMES)
      loads.push(Date.now() - started)
    }

    const pane = page.locator('.react-flow__pane')
    const box = await pane.boundingBox()
    if (!box) throw new Error('no canvas pane')
    const viewport = page.locator('.react-flow__viewport')
    const transformBefore = await viewport.getAttribute('style')
    await page.evaluate(START_COUNTING)
    const panStart = Date.now()
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2
    await page.mouse.move(cx, cy)
    await page.mouse.down()
    let panned = false
    for (let step = 0; step < 120; step++) {
      const angle = (step / 120) * Math.PI * 4
      await page.mouse.move(cx + Math.cos(angle) * 300, cy + Math.sin(angle) * 200, { steps: 1 })
      if (step === 30) panned = (await viewport.getAttribute('style')) !== transformBefore
    }
    await page.mouse.up()
    const panMs = Date.now() - panStart
    const frames = (await page.evaluate(STOP_COUNTING)) as number
    if (!panned) throw new Error('dragging the pane did not pan the canvas')

    const initial = [...scripts].filter((p) => !/monaco|editor\.api|\.worker/i.test(p))
    const gz = initial.reduce((sum, p) => sum + gzipSync(readFileSync(join(DIST, p))).length, 0)
    if (session.errors.length > 0) throw new Error(`the page reported errors:\n${session.errors.join('\n')}`)
    return [
      {
        name: `editor: navigation → interactive ${playbook.nodes.length}-node playbook (median of ${RUNS})`,
        value: `${median(loads)} ms (runs: ${loads.join(', ')} ms)`,
        target: '< 1,500 ms',
      },
      {
        name: 'editor: frame rate while panning the 500-node playbook',
        value: `${((frames * 1000) / panMs).toFixed(0)} fps (${frames} frames in ${panMs} ms)`,
        target: '≥ 50 fps',
      },
      {
        name: 'editor: JavaScript of the first designer load, gzipped, without Monaco',
        value: `${(gz / 1024).toFixed(0)} KB in ${initial.length} files`,
        target: '< 500 KB',
      },
    ]
  } finally {
    await session.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchEditor())
    console.log(`${r.name}  ${r.value}${r.target ? `   (target ${r.target})` : ''}`)
}
