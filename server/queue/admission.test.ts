import { describe, expect, it } from 'vitest'
import { createAdmission } from './admission.ts'

function setup(limit: number, refreshMs = 1000) {
  let time = 1_000
  let queued = 0
  let counts = 0
  const admission = createAdmission({
    limit,
    refreshMs,
    now: () => time,
    countQueued: async () => {
      counts++
      return queued
    },
  })
  return {
    admission,
    setQueued: (n: number) => {
      queued = n
    },
    advance: (ms: number) => {
      time += ms
    },
    counts: () => counts,
  }
}

describe('createAdmission', () => {
  it('admits up to the limit, counting runs admitted since the last count, then refuses with a retry hint', async () => {
    const t = setup(10)
    t.setQueued(7)
    expect(await t.admission.admit(2)).toEqual({ ok: true })
    expect(await t.admission.admit(1)).toEqual({ ok: true })
    // 7 counted + 3 admitted: one more would pass the limit (the store, not yet committed, still says 7).
    t.setQueued(10)
    t.advance(100)
    expect(await t.admission.admit(1)).toEqual({ ok: false, queued: 10, limit: 10, retryAfterSeconds: 5 })
  })

  it('refuses a batch that does not fit whole, while a smaller one still fits', async () => {
    const t = setup(10)
    t.setQueued(8)
    expect((await t.admission.admit(3)).ok).toBe(false)
    expect((await t.admission.admit(2)).ok).toBe(true)
  })

  it('sees a drained queue on the next request after a refusal', async () => {
    const t = setup(5)
    t.setQueued(5)
    expect((await t.admission.admit(1)).ok).toBe(false)
    t.setQueued(0) // the workers caught up
    t.advance(100)
    expect((await t.admission.admit(1)).ok).toBe(true)
  })

  it('counts at most once per refresh period while admitting, and ten times a second while refusing', async () => {
    const t = setup(1000, 1000)
    for (let i = 0; i < 50; i++) await t.admission.admit(1)
    expect(t.counts()).toBe(1)
    t.advance(1000)
    await t.admission.admit(1)
    expect(t.counts()).toBe(2)
    t.setQueued(1000)
    t.advance(1000)
    for (let i = 0; i < 50; i++) expect((await t.admission.admit(1)).ok).toBe(false)
    expect(t.counts()).toBe(3)
  })

  it('shares one count between concurrent requests', async () => {
    const t = setup(100)
    await Promise.all(Array.from({ length: 20 }, () => t.admission.admit(1)))
    expect(t.counts()).toBe(1)
  })

  it('never refuses with the limit off (0)', async () => {
    const t = setup(0)
    t.setQueued(1_000_000)
    expect(await t.admission.admit(500)).toEqual({ ok: true })
    expect(t.counts()).toBe(0)
  })
})
