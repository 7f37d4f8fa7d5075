import { describe, expect, it } from 'vitest'
import { formatValue, parseJsonText, parseNumberText, parseValueText } from './parse-text.ts'

describe('reading field text', () => {
  it('reads numbers, keeps templates, refuses other text', () => {
    expect(parseNumberText(' 42 ')).toEqual({ ok: true, value: 42 })
    expect(parseNumberText('')).toEqual({ ok: true, value: undefined })
    expect(parseNumberText('{{ vars.wait }}')).toEqual({ ok: true, value: '{{ vars.wait }}' })
    expect(parseNumberText('12a')).toEqual({ ok: false, error: '"12a" is not a number' })
  })

  it('reads free values by the types the field accepts', () => {
    expect(parseValueText('404', ['integer', 'string'])).toEqual({ ok: true, value: 404 })
    expect(parseValueText('2xx', ['integer', 'string'])).toEqual({ ok: true, value: '2xx' })
    expect(parseValueText('true', ['boolean', 'string'])).toEqual({ ok: true, value: true })
    expect(parseValueText('x', ['number'])).toEqual({ ok: false, error: 'expected number' })
    expect(parseValueText('{"a": 1}', undefined)).toEqual({ ok: true, value: { a: 1 } })
    expect(parseValueText('{{ trigger }}', undefined)).toEqual({ ok: true, value: '{{ trigger }}' })
    expect(parseValueText('{"a": ', undefined).ok).toBe(false)
    expect(parseValueText('plain', undefined)).toEqual({ ok: true, value: 'plain' })
  })

  it('reads JSON and formats values back', () => {
    expect(parseJsonText('[1, 2]')).toEqual({ ok: true, value: [1, 2] })
    expect(parseJsonText('nope').ok).toBe(false)
    expect(formatValue({ a: 1 })).toBe('{\n  "a": 1\n}')
    expect(formatValue(3)).toBe('3')
    expect(formatValue(undefined)).toBe('')
  })
})
