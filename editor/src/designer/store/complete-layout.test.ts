import { describe, expect, it } from 'vitest'
import { completeLayout } from './complete-layout.ts'
import { playbookOf } from './testing.ts'

describe('completeLayout', () => {
  const p = playbookOf({ a: 'trigger.alert', b: 'transform.set', c: 'transform.set' }, [['a', 'b']])

  it('keeps a complete layout as it is', () => {
    expect(completeLayout(p)).toBe(p)
  })

  it('lays out a playbook that has no layout', () => {
    const { layout: _none, ...bare } = p
    const done = completeLayout(bare)
    expect(Object.keys(done.layout ?? {}).sort()).toEqual(['a', 'b', 'c'])
  })

  it('places nodes missing from a layout below the others', () => {
    const done = completeLayout({ ...p, layout: { a: { x: 100, y: 50 } } })
    expect(done.layout).toEqual({ a: { x: 100, y: 50 }, b: { x: 100, y: 190 }, c: { x: 360, y: 190 } })
  })
})
