// Worker entry: registers tsx so the TypeScript worker (and the runtime it imports) loads the
// same way under `tsx`, vitest and the CLI, then starts it.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
