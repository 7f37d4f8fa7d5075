import { error, jsonPath, type PathSegment, type Problem } from './problems.ts'
import { LIMITS } from './schema.ts'

/** Values visited before the input counts as too large (guards shared-reference blow-ups). */
const MAX_VALUES = 5_000_000
/** Long strings reported before the rest are only counted. */
const MAX_STRING_REPORTS = 20

interface Frame {
  value: unknown
  depth: number
  key: PathSegment
  parent: Frame | undefined
}

/** What `checkLimits` found; when `fatal`, nothing else may walk the value (recursion could overflow). */
export interface LimitsResult {
  problems: Problem[]
  fatal: boolean
}

/**
 * Measures an untrusted value iteratively before anything recursive touches it: nesting depth
 * (`TOO_DEEP` beyond `LIMITS.maxDepth`, fatal), node and edge counts and total size (`TOO_LARGE`,
 * fatal), and over-long strings or keys (`TOO_LARGE`, not fatal: they cannot overflow anything).
 * @example checkLimits(JSON.parse(text)).fatal // true for 10,000 nested arrays
 */
export function checkLimits(value: unknown): LimitsResult {
  const problems: Problem[] = []
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const top = value as Record<string, unknown>
    for (const [key, max] of [
      ['nodes', LIMITS.maxNodes],
      ['edges', LIMITS.maxEdges],
    ] as const) {
      const list = top[key]
      if (Array.isArray(list) && list.length > max)
        problems.push(error('TOO_LARGE', `too many ${key}: ${list.length} (at most ${max})`, jsonPath([key])))
    }
    if (problems.length > 0) return { problems, fatal: true }
  }
  let longStrings = 0
  const tooLong = (s: string, parent: Frame, key: PathSegment, what: string) => {
    if (s.length <= LIMITS.maxStringLength) return
    if (longStrings++ >= MAX_STRING_REPORTS) return
    const at: Frame = { value: s, depth: parent.depth + 1, key, parent }
    const message = `${what} is too long: ${s.length} characters (at most ${LIMITS.maxStringLength})`
    problems.push(error('TOO_LARGE', message, pathOf(at), nodeIdOf(at)))
  }
  const root: Frame = { value, depth: 0, key: '', parent: undefined }
  if (typeof value === 'string' && value.length > LIMITS.maxStringLength) {
    const message = `string is too long: ${value.length} characters (at most ${LIMITS.maxStringLength})`
    return { problems: [error('TOO_LARGE', message, '$')], fatal: false }
  }
  // Only objects and arrays are pushed; strings are measured where they are found.
  const stack: Frame[] = value !== null && typeof value === 'object' ? [root] : []
  let visited = 0
  while (stack.length > 0) {
    const frame = stack.pop()!
    const v = frame.value as object
    if (frame.depth + 1 > LIMITS.maxDepth) {
      const message = `nested deeper than ${LIMITS.maxDepth} levels`
      return {
        problems: [...problems, error('TOO_DEEP', message, pathOf(frame), nodeIdOf(frame))],
        fatal: true,
      }
    }
    const isArray = Array.isArray(v)
    const keys: readonly (string | number)[] = isArray ? [] : Object.keys(v)
    const count = isArray ? v.length : keys.length
    visited += count
    if (visited > MAX_VALUES)
      return {
        problems: [...problems, error('TOO_LARGE', `input has more than ${MAX_VALUES} values`, '$')],
        fatal: true,
      }
    for (let i = count - 1; i >= 0; i--) {
      const key = isArray ? i : keys[i]!
      const child: unknown = isArray ? v[i] : (v as Record<string, unknown>)[key]
      if (typeof key === 'string') tooLong(key, frame, key, 'key')
      if (typeof child === 'string') tooLong(child, frame, key, 'string')
      else if (child !== null && typeof child === 'object')
        stack.push({ value: child, depth: frame.depth + 1, key, parent: frame })
    }
  }
  if (longStrings > MAX_STRING_REPORTS)
    problems.push(error('TOO_LARGE', `${longStrings - MAX_STRING_REPORTS} more over-long strings`, '$'))
  return { problems, fatal: false }
}

function segmentsOf(frame: Frame): PathSegment[] {
  const segs: PathSegment[] = []
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) segs.push(f.key)
  return segs.reverse()
}

function pathOf(frame: Frame): string {
  return jsonPath(segmentsOf(frame))
}

/** The id of the node a value sits under (`$.nodes[i]...`), if it has one. */
function nodeIdOf(frame: Frame): string | undefined {
  let f: Frame | undefined = frame
  while (f?.parent?.parent?.parent) f = f.parent
  if (!f?.parent?.parent || f.parent.key !== 'nodes' || typeof f.key !== 'number') return undefined
  const node = f.value
  if (node === null || typeof node !== 'object') return undefined
  const id = (node as Record<string, unknown>).id
  return typeof id === 'string' && id.length <= 64 ? id : undefined
}
