import { describe, expect, it } from 'vitest'
import { lazySandbox } from './lazy.ts'

const scope = {
  trigger: { n: 2 },
  nodes: {},
  vars: {},
  run: { id: 'r', playbookId: 'p', mode: 'test' as const, startedAt: 0 },
}

describe('lazySandbox', () => {
  it('starts no worker until an expression needs one, then evaluates it', async () => {
    const sandbox = lazySandbox({ workers: 1 })
    expect(sandbox.started).toBe(false)
    try {
      expect(await sandbox.evaluate('trigger.n * 21', scope)).toBe(42)
      expect(sandbox.started).toBe(true)
    } finally {
      await sandbox.close()
    }
  })

  it('closes cleanly when it was never used', async () => {
    const sandbox = lazySandbox()
    await sandbox.close()
    expect(sandbox.started).toBe(false)
  })
})
