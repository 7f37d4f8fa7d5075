import { benchEditor } from './editor.ts'
import { benchEngine, type Row } from './engine.ts'
import { benchHostile } from './hostile.ts'
import { collectGarbage } from './measure.ts'
import { benchSandbox } from './sandbox.ts'
import { benchStore } from './store.ts'
import { benchWebhook } from './webhook.ts'

/** `npm run bench`: prints the figures that the README's Performance section reports. */
async function main(): Promise<void> {
  const rows: Row[] = []
  for (const bench of [benchEngine, benchHostile, benchSandbox, benchStore, benchWebhook, benchEditor]) {
    collectGarbage()
    rows.push(...(await bench()))
  }
  const width = Math.max(...rows.map((r) => r.name.length))
  console.log(`Bulwark benchmarks — node ${process.version}, ${new Date().toISOString()}`)
  for (const r of rows)
    console.log(`${r.name.padEnd(width)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}`)
}

await main()
