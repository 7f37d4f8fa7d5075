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
})
