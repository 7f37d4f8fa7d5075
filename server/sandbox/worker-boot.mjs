// Worker entry: registers tsx so the TypeScript worker (and the runtime it imports) loads the
// same way under `tsx`, vitest and the CLI, then starts the pool worker or the expression worker.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData?.entry === 'expressions' ? './expression-worker.ts' : './worker.ts')
