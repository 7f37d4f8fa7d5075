import { describe, expect, it } from 'vitest'
import { lineColumn, locateJsonError } from './json-error.ts'

describe('locateJsonError', () => {
  it('accepts valid JSON of every kind', () => {
    for (const text of ['{}', '[]', ' 1 ', '-0.5e+3', '"a\\u00e9\\n"', '{"a":[true,false,null,{"b":"c"}]}'])
      expect(locateJsonError(text)).toBeUndefined()
  })

  it.each([
    ['', 1, 1, 'empty input'],
    ['{\n  "a": 1,\n}', 3, 1, 'trailing comma before "}"'],
    ['[1, 2,]', 1, 7, 'trailing comma before "]"'],
    ["{'a': 1}", 1, 2, 'expected a property name in double quotes but found "\'"'],
    ['{"a" 1}', 1, 6, 'expected ":" after the property name but found "1"'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}" but found "\\""'],
    ['{"a": tru}', 1, 7, 'unexpected "t"; expected a value'],
    ['{"a": "x\ny"}', 1, 9, 'control character in string (use an escape like \\n)'],
    ['"\\q"', 1, 2, 'invalid escape "\\q" in string'],
    ['{"a": "open', 1, 7, 'unterminated string'],
    ['{"a": 1} {}', 1, 10, 'unexpected "{" after the end of the JSON value'],
    ['[[1]', 1, 5, 'unexpected end of input'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(locateJsonError(text)).toMatchObject({ line, column, message })
  })

  it('agrees with JSON.parse on whether text is valid', () => {
    for (const text of ['01', '1.', '.5', '+1', '[,1]', '{"a":1,,}', '"\\u12"', 'nulls', '[01]']) {
      expect(() => JSON.parse(text)).toThrow()
      expect(locateJsonError(text)).toBeDefined()
    }
  })

  it('handles 100,000 nested arrays without recursion', () => {
    expect(locateJsonError('['.repeat(100_000))).toMatchObject({
      column: 100_001,
      message: 'unexpected end of input',
    })
  })
})

describe('lineColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 })
    expect(lineColumn('ab', 0)).toEqual({ line: 1, column: 1 })
  })
})
