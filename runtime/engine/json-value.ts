import { type Json, NodeError } from '../node-type.ts'

/** Deepest nesting accepted in a node output (a recursive walker or JSON.stringify must not overflow). */
export const MAX_OUTPUT_DEPTH = 256

/**
 * Checks that a node output is plain JSON and returns it (`undefined` becomes `null`). Rejects
 * functions, BigInt, symbols, non-finite numbers, cycles, class instances (Date, Map, …) and
 * nesting deeper than MAX_OUTPUT_DEPTH with NodeError `OUTPUT_NOT_JSON`. Object properties whose
 * value is `undefined` are allowed (JSON drops them).
 * @example asJsonOutput({ a: 1 }) // { a: 1 }
 */
export function asJsonOutput(value: unknown): Json {
  if (value === undefined) return null
  const problem = check(value, 0, [])
  if (problem) throw new NodeError('OUTPUT_NOT_JSON', `output is not JSON: ${problem}`, { retryable: false })
  return value as Json
}

function check(v: unknown, depth: number, stack: object[]): string | undefined {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return undefined
    case 'number':
      return Number.isFinite(v) ? undefined : `${v} is not a JSON number`
    case 'object':
      break
    default:
      return `a ${typeof v} is not a JSON value`
  }
  if (v === null) return undefined
  if (depth >= MAX_OUTPUT_DEPTH) return `nested deeper than ${MAX_OUTPUT_DEPTH} levels`
  if (stack.includes(v)) return 'it contains a cycle'
  stack.push(v)
  let problem: string | undefined
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length && !problem; i++) {
      const item: unknown = v[i]
      problem = item === undefined ? 'an array holds undefined' : check(item, depth + 1, stack)
    }
  } else {
    const proto = Object.getPrototypeOf(v)
    if (proto !== Object.prototype && proto !== null)
      problem = `a ${proto?.constructor?.name ?? 'class'} instance is not a plain object`
    else
      for (const key in v) {
        const item = (v as Record<string, unknown>)[key]
        if (item !== undefined) problem = check(item, depth + 1, stack)
        if (problem) break
      }
  }
  stack.pop()
  return problem
}
