import { describe, expect, it } from 'vitest'
import { newId } from './deps.ts'

describe('newId', () => {
  it('gives UUID version 7 ids, unique, whose order follows their creation time', async () => {
    const first = Array.from({ length: 600 }, newId)
    await new Promise((r) => setTimeout(r, 3))
    const later = newId()
    for (const id of first)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set([...first, later]).size).toBe(601)
    // 600 ids draw from the random pool more than twice over; every one sorts before an id made later.
    expect(first.every((id) => id < later)).toBe(true)
    const ms = Number.parseInt(later.replaceAll('-', '').slice(0, 12), 16)
    expect(Math.abs(ms - Date.now())).toBeLessThan(1000)
  })

  // Runs are claimed by (queued_at, id): ids made within one millisecond must sort as they were made.
  it('sorts in creation order within a millisecond too', () => {
    const ids = Array.from({ length: 20_000 }, newId)
    const sameMs = ids.filter((id, i) => i > 0 && id.slice(0, 13) === ids[i - 1]!.slice(0, 13))
    expect(sameMs.length).toBeGreaterThan(1000)
    expect([...ids].sort()).toEqual(ids)
  })
})
