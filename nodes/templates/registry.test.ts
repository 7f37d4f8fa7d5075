import { describe, expect, it } from 'vitest'
import { canonicalJson, createMemoryTemplateStore, TemplateStoreError } from './registry.ts'
import { minimalTemplate } from './testing/minimal.ts'

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p
    return undefined
  } catch (err) {
    return err instanceof TemplateStoreError ? err.code : String(err)
  }
}

describe('TemplateStore (in memory)', () => {
  it('publishes a version once; identical content is idempotent, key order does not matter', async () => {
    const store = createMemoryTemplateStore()
    await store.publish(minimalTemplate())
    const reordered = Object.fromEntries(Object.entries(minimalTemplate()).reverse())
    await expect(store.publish(reordered)).resolves.toMatchObject({
      template: { id: 'example.lookup', version: 1 },
    })
    expect(await store.versions('example.lookup')).toEqual([1])
  })

  it('refuses to change a published version: TEMPLATE_VERSION_EXISTS', async () => {
    const store = createMemoryTemplateStore()
    await store.publish(minimalTemplate())
    const changed = {
      ...minimalTemplate(),
      request: { method: 'GET', url: 'https://evil.example.com/{{ params.thing }}' },
    }
    expect(await codeOf(store.publish(changed))).toBe('TEMPLATE_VERSION_EXISTS')
    expect((await store.get('example.lookup', 1))?.template.request.url).toBe(
      'https://api.example.com/v1/things/{{ params.thing }}',
    )
    await store.publish({ ...changed, version: 2 })
    expect(await store.versions('example.lookup')).toEqual([1, 2])
  })

  it('hands out copies: mutating a result does not change the store', async () => {
    const store = createMemoryTemplateStore()
    const published = await store.publish(minimalTemplate())
    published.template.title = 'tampered'
    ;(await store.get('example.lookup', 1))!.template.title = 'tampered too'
    expect((await store.get('example.lookup'))?.template.title).toBe('Example lookup')
  })

  it('deprecates a version: still readable when pinned, no longer the default', async () => {
    const store = createMemoryTemplateStore()
    await store.publish(minimalTemplate())
    await store.publish({ ...minimalTemplate(), version: 2, title: 'Example lookup v2' })
    await store.deprecate('example.lookup', 2)
    expect((await store.get('example.lookup'))?.template.version).toBe(1)
    expect(await store.get('example.lookup', 2)).toMatchObject({ deprecated: true })
    expect(await codeOf(store.deprecate('example.lookup', 9))).toBe('TEMPLATE_NOT_FOUND')
    expect((await store.list()).length).toBe(2)
  })

  it('validates on publish and refuses built-in type ids', async () => {
    const store = createMemoryTemplateStore({ reservedTypes: ['example.lookup'] })
    expect(await codeOf(store.publish(minimalTemplate()))).toBe('TEMPLATE_ID_RESERVED')
    try {
      await store.publish({ ...minimalTemplate(), version: 'one' })
    } catch (err) {
      expect(err).toMatchObject({
        code: 'INVALID_TEMPLATE',
        problems: [expect.objectContaining({ path: 'version' })],
      })
    }
  })

  it('canonicalJson sorts keys at every depth', () => {
    expect(canonicalJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: null })).toBe(
      '{"a":null,"b":{"c":[{"e":2,"f":1}],"d":1}}',
    )
  })
})
