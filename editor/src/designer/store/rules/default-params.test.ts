import { describe, expect, it } from 'vitest'
import { registry } from '../testing.ts'
import { defaultParams } from './default-params.ts'

const def = (type: string) => registry.get(type, 1)!

describe('defaultParams', () => {
  it('gives the smallest params the schema accepts', () => {
    expect(defaultParams(def('flow.delay'))).toEqual({ ms: 0 })
    expect(defaultParams(def('trigger.webhook'))).toEqual({})
    for (const type of ['trigger.alert', 'condition.if', 'condition.switch', 'transform.set', 'flow.delay'])
      expect(def(type).params.safeParse(defaultParams(def(type))).success).toBe(true)
  })

  it('leaves required text empty for the analyst to fill in, and fields with defaults out', () => {
    const params = defaultParams(def('virustotal.file-report'))
    expect(params).toEqual({ hash: '' })
  })

  it('never throws and always gives an object, for every built-in type', () => {
    for (const t of registry.all()) {
      const params = defaultParams(t)
      expect(typeof params).toBe('object')
      expect(Array.isArray(params)).toBe(false)
    }
  })

  it('gives a fresh object every time', () => {
    const a = defaultParams(def('flow.delay'))
    a.ms = 99
    expect(defaultParams(def('flow.delay'))).toEqual({ ms: 0 })
  })
})
