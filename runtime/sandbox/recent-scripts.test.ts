import { describe, expect, it } from 'vitest'
import { RecentScripts } from './recent-scripts.ts'

describe('RecentScripts', () => {
  it('keeps the most recent eligible sources, most recent first, without duplicates', () => {
    const r = new RecentScripts(2, () => true)
    r.note('a')
    r.note('b')
    r.note('a')
    r.note('c')
    expect(r.list()).toEqual(['c', 'a'])
  })

  it('keeps nothing the body check rejects or throws on, nor without a check', () => {
    const checked: string[] = []
    const r = new RecentScripts(3, (code) => {
      checked.push(code)
      if (code === 'boom') throw new Error('x')
      return code !== 'bad'
    })
    for (const code of ['bad', 'boom', 'ok', 'bad']) r.note(code)
    expect(r.list()).toEqual(['ok'])
    // A verdict is computed once per source.
    expect(checked).toEqual(['bad', 'boom', 'ok'])
    const none = new RecentScripts(3, undefined)
    none.note('ok')
    expect(none.list()).toEqual([])
  })

  it('skips sources longer than 16 KiB', () => {
    const r = new RecentScripts(3, () => true)
    r.note('x'.repeat(17 * 1024))
    expect(r.list()).toEqual([])
  })
})
