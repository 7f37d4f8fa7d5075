import { describe, expect, it } from 'vitest'
import type { FieldDescriptor } from './descriptor.ts'
import { initialValue, moveItem, variantInitial, withItem, withKey, withoutItem } from './values.ts'

describe('value helpers', () => {
  it('sets and removes keys without mutating', () => {
    const obj = { a: 1, b: 2 }
    expect(withKey(obj, 'a', undefined)).toEqual({ b: 2 })
    expect(withKey(obj, 'c', 3)).toEqual({ a: 1, b: 2, c: 3 })
    expect(obj).toEqual({ a: 1, b: 2 })
    expect(withKey('not an object', 'a', 1)).toEqual({ a: 1 })
  })

  it('edits lists by index', () => {
    expect(withItem(['a', 'b'], 1, 'c')).toEqual(['a', 'c'])
    expect(withoutItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c'])
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c'])
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b'])
  })

  it('starts new values from defaults, or empty values with required fields', () => {
    const object: FieldDescriptor = {
      kind: 'object',
      key: 'f',
      label: 'F',
      required: true,
      fields: [
        { kind: 'text', key: 'name', label: 'Name', required: true, multiline: false },
        { kind: 'enum', key: 'type', label: 'Type', required: true, options: ['string', 'number'] },
        { kind: 'boolean', key: 'required', label: 'Required', required: false, default: false },
      ],
    }
    expect(initialValue(object)).toEqual({ name: '', type: 'string' })
    expect(
      initialValue({ kind: 'number', key: 'n', label: 'N', required: true, integer: true, min: 5 }),
    ).toBe(5)
    expect(
      variantInitial({
        field: { kind: 'object', key: 'auth', label: 'Auth', required: true, fields: [] },
        tag: { key: 'kind', value: 'bearer' },
      }),
    ).toEqual({ kind: 'bearer' })
  })
})
