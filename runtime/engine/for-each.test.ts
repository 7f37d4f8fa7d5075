import { describe, expect, it } from 'vitest'
import { mapBounded } from './for-each.ts'

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('mapBounded', () => {
  it('keeps input order and bounds concurrency', async () => {
    let inFlight = 0
    let max = 0
    const out = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (x) => {
      inFlight++
      max = Math.max(max, inFlight)
      await tick(x)
      inFlight--
      return x * 10
    })
    expect(out).toEqual([50, 10, 40, 20, 30, 0])
    expect(max).toBe(2)
  })

  it('stops launching when told to', async () => {
    const seen: number[] = []
    const out = await mapBounded(
      [0, 1, 2, 3, 4],
      1,
      async (x) => {
        seen.push(x)
        return x
      },
      { stop: () => seen.length >= 2 },
    )
    expect(seen).toEqual([0, 1])
    expect(out).toEqual([0, 1, undefined, undefined, undefined])
  })

  it('stops on an aborted signal and handles empty lists', async () => {
    const ac = new AbortController()
    ac.abort()
    expect(await mapBounded([1, 2], 4, async (x) => x, { signal: ac.signal })).toEqual([undefined, undefined])
    expect(await mapBounded([], 4, async (x) => x)).toEqual([])
  })
})
