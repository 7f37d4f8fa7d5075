#!/usr/bin/env node
// Entry point of `npx bulwark`: runs the TypeScript CLI through tsx (a runtime dependency).
import { register } from 'tsx/esm/api'

register()
await import('../cli/bulwark.ts')
