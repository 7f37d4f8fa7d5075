import { describe, expect, it } from 'vitest'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import { toCanonical } from '../../runtime/format/canonical.ts'
import type { Playbook } from '../../runtime/format/schema.ts'
import type { PlaybookVersion } from '../store/playbook-store.ts'
import { createPublishedPlaybooks } from './published-playbooks.ts'

const registry = createBuiltinRegistry()
const playbook = (id: string, name = id): Playbook =>
  ({
    format: 'bulwark.playbook/2',
    id,
    name,
    nodes: [{ id: 'start', type: 'trigger.manual', version: 1, params: {} }],
    edges: [],
  }) as unknown as Playbook

/** A version store that counts reads; `versions` maps `id@version` to the stored text. */
function store(versions: Record<string, string>) {
  const reads: string[] = []
  return {
    reads,
    async getVersion(id: string, version?: number): Promise<PlaybookVersion | undefined> {
      reads.push(`${id}@${version}`)
      const json = versions[`${id}@${version}`]
      return json === undefined
        ? undefined
        : { playbookId: id, version: version!, note: '', publishedAt: 0, publishedBy: null, json }
    },
  }
}

describe('createPublishedPlaybooks', () => {
  it('parses a version once, and shares one parse between concurrent first loads', async () => {
    const s = store({ 'a@1': toCanonical(playbook('a')) })
    const published = createPublishedPlaybooks(s, registry)
    const [x, y] = await Promise.all([published.get('a', 1), published.get('a', 1)])
    expect(x?.name).toBe('a')
    expect(await published.get('a', 1)).toBe(x)
    expect(y).toBe(x)
    expect(s.reads).toEqual(['a@1'])
  })

  it('hands out a frozen playbook, so no run can change what the next one executes', async () => {
    const published = createPublishedPlaybooks(store({ 'a@1': toCanonical(playbook('a')) }), registry)
    const p = (await published.get('a', 1))!
    expect(Object.isFrozen(p)).toBe(true)
    expect(Object.isFrozen(p.nodes[0]!.params)).toBe(true)
    expect(() => {
      ;(p.nodes[0] as { type: string }).type = 'x.other'
    }).toThrow(TypeError)
    expect((await published.get('a', 1))!.nodes[0]!.type).toBe('trigger.manual')
  })

  it('keeps at most `max` versions, the least recently used going first', async () => {
    const s = store({ 'a@1': toCanonical(playbook('a')), 'a@2': toCanonical(playbook('a', 'two')) })
    const published = createPublishedPlaybooks(s, registry, { max: 1 })
    await published.get('a', 1)
    await published.get('a', 2)
    await published.get('a', 1)
    expect(s.reads).toEqual(['a@1', 'a@2', 'a@1'])
  })

  it('does not keep an absent or invalid version', async () => {
    const s = store({ 'bad@1': '{"format":"bulwark.playbook/2","id":"bad"}' })
    const published = createPublishedPlaybooks(s, registry)
    expect(await published.get('nope', 1)).toBeUndefined()
    expect(await published.get('nope', 1)).toBeUndefined()
    await expect(published.get('bad', 1)).rejects.toMatchObject({ code: 'INVALID_PLAYBOOK' })
    await expect(published.get('bad', 1)).rejects.toMatchObject({ code: 'INVALID_PLAYBOOK' })
    expect(s.reads).toEqual(['nope@1', 'nope@1', 'bad@1', 'bad@1'])
  })
})
