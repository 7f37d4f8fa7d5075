import { readFileSync } from 'node:fs'

/** Test helper: loads a sample alert from `examples/alerts/`. */
export function loadSample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../../examples/alerts/${name}`, import.meta.url), 'utf8'))
}

/** The normalizer environment tests use. */
export const ENV = { now: Date.UTC(2026, 0, 15, 10, 0, 0), fallbackId: 'run_test' }
