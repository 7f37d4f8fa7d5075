import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { apiTypesText } from './api-types.ts'

describe('editor API types', () => {
  it('editor/src/api/schema.gen.ts matches the routes (run `npm run api-types` after a change)', async () => {
    const checkedIn = readFileSync(new URL('../../editor/src/api/schema.gen.ts', import.meta.url), 'utf8')
    const text = await apiTypesText()
    expect(text).toContain('"/api/playbooks/{id}/runs"')
    expect(checkedIn).toBe(text)
  })
})
