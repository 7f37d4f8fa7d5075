/**
 * Guards for analyst-written regular expressions. JavaScript's backtracking engine can take
 * exponential time on patterns like `(a+)+$`; we reject the pattern shapes that cause it and bound
 * the input a pattern runs on.
 */

/** Longest pattern accepted. */
export const MAX_PATTERN_LENGTH = 500
/** Only this many characters of the input are matched against a pattern. */
export const MAX_REGEX_INPUT = 10_000

/**
 * Why a pattern is refused, or undefined when it is acceptable: too long, not valid, a quantified
 * group that itself contains a quantifier (`(a+)+`, `(\w*)*`, `(x{2,})+`), or a backreference.
 * @example regexProblem('(a+)+$') // 'nested quantifier ...'
 */
export function regexProblem(pattern: string, flags = ''): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`
  try {
    new RegExp(pattern, flags)
  } catch (e) {
    return `invalid regular expression: ${e instanceof Error ? e.message : String(e)}`
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed (they can take exponential time)'
  // Walk the pattern tracking, per open group, the largest repeat count inside it. A repeated group
  // whose content also repeats is refused when either repeat is unbounded or together they exceed
  // a small product: `(\.\d{1,3}){3}` is fine, `(a+)+` and `(a{1,20}){1,20}` are not.
  const stack: number[] = []
  let inClass = false
  const bump = (n: number) => {
    if (stack.length > 0) stack[stack.length - 1] = Math.max(stack[stack.length - 1] ?? 1, n)
  }
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (c === ']') inClass = false
      continue
    }
    if (c === '[') inClass = true
    else if (c === '(') stack.push(1)
    else if (c === ')') {
      const inner = stack.pop() ?? 1
      const q = quantifierAt(pattern, i + 1)
      if (
        q &&
        q.max > 1 &&
        inner > 1 &&
        (q.max * inner > MAX_NESTED_REPEAT || !Number.isFinite(q.max * inner))
      ) {
        return `nested quantifier near "${pattern.slice(Math.max(0, i - 20), i + 1 + q.length)}" can take exponential time; rewrite without repeating a repeated group`
      }
      bump(inner * (q?.max ?? 1))
    } else {
      const q = quantifierAt(pattern, i)
      if (q) bump(q.max)
    }
  }
  return undefined
}

/** The largest product of nested bounded repeats accepted, e.g. `(\.\d{1,3}){3}` is 9. */
const MAX_NESTED_REPEAT = 64

/** A quantifier at `i`: its length and how many times it repeats at most (`?` is 1). */
function quantifierAt(pattern: string, i: number): { length: number; max: number } | undefined {
  const c = pattern[i]
  if (c === '+' || c === '*') return { length: 1, max: Number.POSITIVE_INFINITY }
  if (c === '?') return { length: 1, max: 1 }
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i))
    if (!m) return undefined
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3])
    return { length: m[0].length, max }
  }
  return undefined
}

/**
 * Compiles a pattern after `regexProblem` accepted it; throws with the reason otherwise.
 * @example safeRegExp('^evil\\.', 'i').test('EVIL.example') // true
 */
export function safeRegExp(pattern: string, flags = ''): RegExp {
  const problem = regexProblem(pattern, flags)
  if (problem) throw new Error(problem)
  return new RegExp(pattern, flags)
}

/** Tests `text` (cut to `MAX_REGEX_INPUT` characters) against a compiled pattern. */
export function boundedTest(re: RegExp, text: string): boolean {
  re.lastIndex = 0
  return re.test(text.length > MAX_REGEX_INPUT ? text.slice(0, MAX_REGEX_INPUT) : text)
}
