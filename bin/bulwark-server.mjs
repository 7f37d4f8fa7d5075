#!/usr/bin/env node
// Entry point of the Bulwark server: runs the TypeScript server through tsx (a runtime dependency).
import { register } from 'tsx/esm/api'

register()
await import('../server/main.ts')
