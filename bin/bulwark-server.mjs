#!/usr/bin/env node
// Entry point of the Bulwark server: runs the server compiled to JavaScript (dist/server, rebuilt at
// start when a source changed), so neither it nor its sandbox threads load tsx. BULWARK_FROM_SOURCE=1
// (or a failed build) runs the TypeScript sources through tsx instead.
// Before that, the editor is built into dist/editor when missing or stale (see ensure-editor.mjs).
import { ensureEditor } from './ensure-editor.mjs'
import { compiledServer } from './server-bundle.mjs'

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
