/**
 * Finds where JSON text goes wrong. `JSON.parse` in Node 20 often reports no position at all
 * ("Unexpected token '}', ... is not valid JSON"), so on failure we rescan the text with a small
 * iterative JSON grammar to point at the first bad character by line and column.
 */

/** Where and why JSON text is malformed; line and column are 1-based. */
export interface JsonSyntaxError {
  offset: number
  line: number
  column: number
  message: string
}

type State = 'value' | 'valueOrClose' | 'keyOrClose' | 'key' | 'colon' | 'after'

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])

/**
 * Returns the first syntax error in `text`, or undefined if it is valid JSON.
 * @example locateJsonError('{\n  "a": }') // { line: 2, column: 8, message: 'unexpected "}"; expected a value', ... }
 */
export function locateJsonError(text: string): JsonSyntaxError | undefined {
  const fail = (offset: number, message: string) => ({ offset, ...lineColumn(text, offset), message })
  const stack: string[] = []
  let state: State = 'value'
  let i = 0
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
    const c = text[i]
    if (c === undefined) {
      if (state === 'after' && stack.length === 0) return undefined
      return fail(i, text.trim() === '' ? 'empty input' : 'unexpected end of input')
    }
    if (state === 'after') {
      const top = stack.at(-1)
      if (top === undefined) return fail(i, `unexpected ${show(c)} after the end of the JSON value`)
      const close = top === '{' ? '}' : ']'
      if (c === close) {
        stack.pop()
        i++
      } else if (c === ',') {
        state = top === '{' ? 'key' : 'value'
        i++
      } else return fail(i, `expected "," or "${close}" but found ${show(c)}`)
      continue
    }
    if (state === 'colon') {
      if (c !== ':') return fail(i, `expected ":" after the property name but found ${show(c)}`)
      state = 'value'
      i++
      continue
    }
    if ((state === 'keyOrClose' && c === '}') || (state === 'valueOrClose' && c === ']')) {
      stack.pop()
      state = 'after'
      i++
      continue
    }
    if (state === 'key' || state === 'keyOrClose') {
      if (c === '}') return fail(i, 'trailing comma before "}"')
      if (c !== '"') return fail(i, `expected a property name in double quotes but found ${show(c)}`)
      const end = scanString(text, i)
      if (typeof end !== 'number') return fail(end.offset, end.message)
      i = end
      state = 'colon'
      continue
    }
    // state is 'value' or 'valueOrClose'
    if (c === ']' && stack.at(-1) === '[') return fail(i, 'trailing comma before "]"')
    if (c === '{' || c === '[') {
      stack.push(c)
      state = c === '{' ? 'keyOrClose' : 'valueOrClose'
      i++
      continue
    }
    state = 'after'
    if (c === '"') {
      const end = scanString(text, i)
      if (typeof end !== 'number') return fail(end.offset, end.message)
      i = end
      continue
    }
    const literal = ['true', 'false', 'null'].find((w) => text.startsWith(w, i))
    if (literal) {
      i += literal.length
      continue
    }
    NUMBER.lastIndex = i
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex
      continue
    }
    return fail(i, `unexpected ${show(c)}; expected a value`)
  }
}

/** Scans a string literal starting at its opening quote; returns the offset after it, or an error. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c < 0x20) return { offset: i, message: 'control character in string (use an escape like \\n)' }
    if (c !== 0x5c) continue
    const e = text[i + 1]
    if (e === 'u') {
      if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
        return { offset: i, message: 'invalid \\u escape: expected 4 hex digits' }
      i += 5
    } else if (e !== undefined && ESCAPES.has(e)) i++
    else return { offset: i, message: `invalid escape "\\${e ?? ''}" in string` }
  }
  return { offset: start, message: 'unterminated string' }
}

function show(c: string): string {
  return JSON.stringify(c)
}

/** 1-based line and column (in UTF-16 code units) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
