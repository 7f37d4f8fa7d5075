import { describe, expect, it } from 'vitest'
import { groupTemplates, nextVersion } from './template-groups.ts'

const v = (id: string, version: number, deprecated = false) => ({
  id,
  version,
  title: `${id} v${version}`,
  category: 'enrichment',
  deprecated,
  template: { id, version },
})

describe('groupTemplates', () => {
  it('groups versions by id in ascending order, titled by the newest, then the built-in ones', () => {
    const groups = groupTemplates(
      [v('b.x', 2, true), v('a.y', 1), v('b.x', 1)],
      [{ id: 'virustotal.ip-report', version: 1, title: 'VT', category: 'enrichment' }],
    )
    expect(groups.map((g) => [g.id, g.title, g.builtIn, g.versions.map((x) => x.version)])).toEqual([
      ['a.y', 'a.y v1', false, [1]],
      ['b.x', 'b.x v2', false, [1, 2]],
      ['virustotal.ip-report', 'VT', true, [1]],
    ])
  })
})

describe('nextVersion', () => {
  it('is one past the highest version', () => {
    expect(nextVersion({ versions: [v('a.b', 1), v('a.b', 3)] })).toBe(4)
  })
})
