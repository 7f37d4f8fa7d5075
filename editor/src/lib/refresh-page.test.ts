import { describe, expect, it } from 'vitest'
import { refreshPage } from './refresh-page.ts'

const run = (id: string, status = 'running') => ({ id, status })

describe('refreshPage', () => {
  it('takes the fresh page as the truth when it covers everything shown', () => {
    const shown = { items: [run('b'), run('a')], nextCursor: 'old' }
    const fresh = { items: [run('c'), run('b', 'succeeded')], nextCursor: 'new' }
    expect(refreshPage(shown, fresh, 50)).toEqual(fresh)
  })

  it('keeps pages loaded with "Load more" after the refreshed window', () => {
    const shown = { items: [run('d'), run('c'), run('b'), run('a')], nextCursor: 'after-a' }
    const fresh = { items: [run('e'), run('d', 'failed')], nextCursor: 'after-d' }
    expect(refreshPage(shown, fresh, 2)).toEqual({
      items: [run('e'), run('d', 'failed'), run('c'), run('b'), run('a')],
      nextCursor: 'after-a',
    })
  })

  it('starts over from the fresh page when it lost track of the older ones', () => {
    const shown = { items: [run('c'), run('b'), run('a')], nextCursor: 'after-a' }
    const fresh = { items: [run('z'), run('y')], nextCursor: 'after-y' }
    expect(refreshPage(shown, fresh, 2)).toEqual(fresh)
  })
})
