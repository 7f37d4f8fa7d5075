import { describe, expect, it } from 'vitest'
import { playbookOf } from '../testing.ts'
import { renameInText } from './references.ts'
import { renameNode } from './rename.ts'

const base = playbookOf(
  {
    alert: 'trigger.alert',
    vt: { type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.ip }}' } },
    tag: {
      type: 'transform.set',
      version: 1,
      params: {
        values: {
          score: '{{ nodes.vt.output.score }}',
          both: 'vt said {{ nodes["vt"].output }} and {{ nodes.vt_2.output }}',
          list: ["{{ nodes['vt'].output.matches[0] }}"],
        },
      },
    },
  },
  [
    ['alert', 'vt'],
    ['vt', 'tag'],
  ],
)

describe('renameNode', () => {
  it('moves edges, layout and expression references to the new id', () => {
    const result = renameNode(base, 'vt', 'virustotal')
    if ('code' in result) throw new Error(result.message)
    const p = result.playbook
    expect(p.nodes.map((n) => n.id)).toEqual(['alert', 'virustotal', 'tag'])
    expect(p.edges).toEqual([
      { from: 'alert', to: 'virustotal' },
      { from: 'virustotal', to: 'tag' },
    ])
    expect(Object.keys(p.layout ?? {})).toEqual(['alert', 'virustotal', 'tag'])
    expect(p.nodes[2]!.params).toEqual({
      values: {
        score: '{{ nodes.virustotal.output.score }}',
        both: 'vt said {{ nodes["virustotal"].output }} and {{ nodes.vt_2.output }}',
        list: ["{{ nodes['virustotal'].output.matches[0] }}"],
      },
    })
  })

  it('refuses ids that are not slugs or are taken, and ignores a rename to itself', () => {
    expect(renameNode(base, 'vt', 'Virus Total')).toMatchObject({ code: 'INVALID' })
    expect(renameNode(base, 'vt', 'tag')).toEqual({
      code: 'INVALID',
      message: 'another node is already called "tag"',
    })
    expect(renameNode(base, 'ghost', 'x')).toMatchObject({ code: 'INVALID' })
    expect(renameNode(base, 'vt', 'vt')).toEqual({ playbook: base })
  })
})

describe('renameInText', () => {
  it('changes references only inside templates', () => {
    const renames = new Map([['a', 'b']])
    expect(renameInText('nodes.a {{ nodes.a.output }} {{ xnodes.a }} {{ nodes.ab }}', renames)).toBe(
      'nodes.a {{ nodes.b.output }} {{ xnodes.a }} {{ nodes.ab }}',
    )
  })
})
