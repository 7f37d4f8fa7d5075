#!/usr/bin/env node
// Entry point of the Bulwark server: runs the server compiled to JavaScript (dist/server, rebuilt at
// start when a source changed), so neither it nor its sandbox threads load tsx. BULWARK_FROM_SOURCE=1
// (or a failed build) runs the TypeScript sources through tsx instead.
// Before that, the editor is built into dist/editor when missing or stale (see ensure-editor.mjs).
// Memory: `npm start` also passes --max-semi-space-size=8 and MALLOC_ARENA_MAX=2 (they only work
// when the process starts); the old generation's growth factor can be set here, before the heap grows.
// Together they keep the server under 200 MB under webhook load (README, Performance).
import { setFlagsFromString } from 'node:v8'
import { ensureEditor } from './ensure-editor.mjs'
import { compiledServer } from './server-bundle.mjs'

setFlagsFromString('--heap-growing-percent=20')
await ensureEditor()

const compiled =
  process.env.BULWARK_FROM_SOURCE === '1'
    ? undefined
    : await compiledServer().catch((err) => {
        process.stderr.write(`could not compile the server, running it from source: ${err?.message ?? err}\n`)
        return undefined
      })
if (compiled) await import(compiled)
else {
  const { register } = await import('tsx/esm/api')
  register()
  await import('../server/main.ts')
}
