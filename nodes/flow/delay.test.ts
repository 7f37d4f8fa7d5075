import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { asResult, testContext } from '../test-context.ts'
import { flowDelay } from './delay.ts'

describe('flow.delay', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('continues after the delay', async () => {
    let now = 1_000
    const ctx = testContext({ now: () => now })
    const done = flowDelay.run({ params: { ms: 5_000 }, input: {}, ctx }) as Promise<unknown>
    let finished = false
    void done.then(() => {
      finished = true
    })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(finished).toBe(false)
    now = 6_000
    await vi.advanceTimersByTimeAsync(1)
    expect(asResult(await done)).toMatchObject({ port: 'out', output: { waitedMs: 5_000 } })
  })

  it('stops at once with CANCELLED when the run is cancelled', async () => {
    const controller = new AbortController()
    const done = flowDelay.run({
      params: { ms: 60_000 },
      input: {},
      ctx: testContext({ signal: controller.signal }),
    })
    controller.abort(new Error('run cancelled'))
    await expect(done).rejects.toMatchObject({ code: 'CANCELLED', retryable: false })
    const already = flowDelay.run({
      params: { ms: 10 },
      input: {},
      ctx: testContext({ signal: controller.signal }),
    })
    await expect(already).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('refuses negative, fractional and over-long delays', () => {
    for (const ms of [-1, 1.5, 3_600_001]) expect(flowDelay.params.safeParse({ ms }).success).toBe(false)
    expect(flowDelay.params.safeParse({ ms: 3_600_001 }).error?.issues[0]?.message).toBe(
      'at most one hour (3600000 ms)',
    )
  })
})
