import { afterEach, describe, expect, it } from 'vitest'
import { TemplateStoreError } from '../../nodes/templates/registry.ts'
import { minimalTemplate } from '../../nodes/templates/testing/minimal.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createSqliteTemplateStore } from './sqlite-template-store.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p
    return undefined
  } catch (err) {
    return err instanceof TemplateStoreError ? err.code : String(err)
  }
}

describe('SqliteTemplateStore', () => {
  it('publishes once; identical content is a no-op; changed content is refused', async () => {
    t = tempDatabase()
    const store = createSqliteTemplateStore(t.db, { reservedTypes: ['example.reserved'] })
    await store.publish(minimalTemplate(), 'champ')
    const reordered = Object.fromEntries(Object.entries(minimalTemplate()).reverse())
    await expect(store.publish(reordered)).resolves.toMatchObject({ template: { version: 1 } })
    const changed = { ...minimalTemplate(), request: { method: 'GET', url: 'https://evil.example.com/x' } }
    expect(await codeOf(store.publish(changed))).toBe('TEMPLATE_VERSION_EXISTS')
    expect((await store.get('example.lookup', 1))?.template.request.url).toContain('api.example.com')
    await store.publish({ ...changed, version: 2 })
    expect(await store.versions('example.lookup')).toEqual([1, 2])
    expect(await codeOf(store.publish({ ...minimalTemplate(), id: 'example.reserved' }))).toBe(
      'TEMPLATE_ID_RESERVED',
    )
    expect(await codeOf(store.publish({ id: 'x' }))).toBe('INVALID_TEMPLATE')
    expect(t.sqlite.prepare('SELECT published_by FROM templates WHERE version = 1').pluck().get()).toBe(
      'champ',
    )
  })

  it('deprecation hides a version from `get(id)` but keeps it runnable and listed', async () => {
    t = tempDatabase()
    const store = createSqliteTemplateStore(t.db)
    await store.publish(minimalTemplate())
    await store.publish({ ...minimalTemplate(), version: 2 })
    expect((await store.deprecate('example.lookup', 2)).deprecated).toBe(true)
    expect((await store.get('example.lookup'))?.template.version).toBe(1)
    expect((await store.get('example.lookup', 2))?.deprecated).toBe(true)
    expect((await store.list()).length).toBe(2)
    expect(await codeOf(store.deprecate('example.lookup', 9))).toBe('TEMPLATE_NOT_FOUND')
  })

  it('survives a restart', async () => {
    t = tempDatabase()
    await createSqliteTemplateStore(t.db).publish(minimalTemplate())
    t.close()
    const again = createSqliteTemplateStore(t.reopen().db)
    expect(await again.versions('example.lookup')).toEqual([1])
  })
})
