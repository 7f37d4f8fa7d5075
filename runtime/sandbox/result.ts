import { utf8Length } from '../json/utf8-length.ts'
import type { Json } from '../node-type.ts'
import { sandboxError } from './errors.ts'
import type { SandboxLimits } from './limits.ts'
import { NO_LOGS } from './vm.ts'

/** A console line captured inside the sandbox. */
export interface SandboxLog {
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
}

/**
 * Parses result JSON coming out of the sandbox without trusting it: checks its size in UTF-8
 * bytes and its nesting depth (without recursion, so a 100,000-deep text cannot overflow the host
 * stack), and drops keys that could pollute host prototypes: `__proto__` always, and `constructor`
 * or `prototype` when they hold an object.
 * @example parseResult('{"a":1,"__proto__":{"x":1}}', limits) // { a: 1 }
 */
export function parseResult(json: string, limits: Pick<SandboxLimits, 'maxOutputBytes' | 'maxDepth'>): Json {
  if (json.length * 3 > limits.maxOutputBytes && utf8Length(json) > limits.maxOutputBytes)
    throw sandboxError({
      code: 'SCRIPT_OUTPUT_TOO_LARGE',
      message: `the result is larger than ${limits.maxOutputBytes} bytes`,
    })
  if (json.length > limits.maxDepth * 2 && depthOf(json) > limits.maxDepth)
    throw sandboxError({
      code: 'SCRIPT_RESULT_NOT_JSON',
      message: `the result is nested deeper than ${limits.maxDepth} levels`,
    })
  try {
    return needsReviver(json) ? JSON.parse(json, reviver) : JSON.parse(json)
  } catch {
    throw sandboxError({ code: 'SCRIPT_RESULT_NOT_JSON', message: 'the result is not valid JSON' })
  }
}

/** Parses the sandbox's captured console lines, keeping only well-formed entries. */
export function parseLogs(text: string): SandboxLog[] {
  if (text === NO_LOGS) return []
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return []
  }
  const out: SandboxLog[] = []
  const lines = (raw as { logs?: unknown })?.logs
  if (Array.isArray(lines)) {
    for (const l of lines) {
      const level = l?.level
      if (typeof l?.message !== 'string') continue
      if (level === 'debug' || level === 'info' || level === 'warn' || level === 'error')
        out.push({ level, message: l.message })
    }
  }
  const dropped = (raw as { dropped?: unknown })?.dropped
  if (typeof dropped === 'number' && dropped > 0)
    out.push({ level: 'warn', message: `${dropped} console line(s) dropped (log limit reached)` })
  return out
}

const RISKY = ['__proto__', 'constructor', 'prototype', '\\u']

function needsReviver(json: string): boolean {
  for (const r of RISKY) if (json.includes(r)) return true
  return false
}

function reviver(key: string, value: unknown): unknown {
  if (key === '__proto__') return undefined
  if ((key === 'constructor' || key === 'prototype') && typeof value === 'object' && value !== null)
    return undefined
  return value
}

/** Deepest `[`/`{` nesting of a JSON text, ignoring brackets inside strings. */
export function depthOf(json: string): number {
  let depth = 0
  let max = 0
  let inString = false
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i)
    if (inString) {
      if (c === 92) i++
      else if (c === 34) inString = false
    } else if (c === 34) inString = true
    else if (c === 91 || c === 123) {
      if (++depth > max) max = depth
    } else if (c === 93 || c === 125) depth--
  }
  return max
}
