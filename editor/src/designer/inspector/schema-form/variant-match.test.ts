import { describe, expect, it } from 'vitest'
import { actionHttp } from '../../../../../nodes/action/http.ts'
import { enrichLookup } from '../../../../../nodes/enrich/lookup.ts'
import { describeObject } from './descriptor.ts'
import { toJsonSchema } from './json-schema.ts'
import { variantIndex } from './variant-match.ts'

function variantsOf(schema: Parameters<typeof toJsonSchema>[0], key: string) {
  const field = describeObject(toJsonSchema(schema)!).find((f) => f.key === key)
  if (field?.kind !== 'variant') throw new Error(`${key} is not a variant`)
  return field.variants
}

describe('variantIndex', () => {
  it('picks a tagged variant by its tag', () => {
    const auth = variantsOf(actionHttp.params, 'auth')
    expect(variantIndex(auth, { kind: 'header', name: 'X-Key' })).toBe(2)
    expect(variantIndex(auth, { kind: 'nope' })).toBe(-1)
    expect(variantIndex(auth, undefined)).toBe(-1)
  })

  it('picks an untagged variant by the value type', () => {
    const table = variantsOf(enrichLookup.params, 'table')
    expect(variantIndex(table, { a: 1 })).toBe(0)
    expect(variantIndex(table, ['a'])).toBe(1)
    expect(variantIndex(table, 'text')).toBe(-1)
  })
})
