import type { SandboxLimits } from './limits.ts'
import { STDLIB_SOURCE } from './stdlib.ts'

/**
 * Source code evaluated inside every fresh QuickJS context before user code. It evaluates to an
 * object of private functions the host keeps handles to (never put on `globalThis`):
 * `setup(json)` installs the scope roots as globals, `serialize(value)` turns a result into a
 * tagged JSON string under the deadline, `logs()` returns the captured console lines, `tick()` runs
 * the next virtual timer and `describe(error)` reads an error without trusting it.
 *
 * Tags returned by `serialize`: `J<json>` ok, `N<why>` not JSON, `D` too deep, `S<length>` too large.
 */
export function scriptPrelude(limits: SandboxLimits): string {
  return `(() => {
'use strict'
${common(limits)}
const logs = []
let logBytes = 0
let dropped = 0
const show = (v) => {
  if (typeof v === 'string') return v
  try { const s = stringify(v); return s === undefined ? String(v) : s } catch { try { return String(v) } catch { return '[unprintable]' } }
}
const logger = (level) => (...args) => {
  if (logs.length >= ${limits.maxLogLines} || logBytes >= ${limits.maxLogBytes}) { dropped++; return }
  let message = ''
  for (let i = 0; i < args.length; i++) message += (i ? ' ' : '') + show(args[i])
  const room = ${limits.maxLogBytes} - logBytes
  if (message.length > room) message = message.slice(0, room) + '…'
  logBytes += message.length
  logs[logs.length] = { level, message }
}
defineProperty(globalThis, 'console', { value: freeze({ log: logger('info'), info: logger('info'), debug: logger('debug'), warn: logger('warn'), error: logger('error') }), writable: true, configurable: true })
const timers = []
let clock = 0
let nextId = 1
defineProperty(globalThis, 'setTimeout', { writable: true, configurable: true, value: (fn, ms, ...args) => {
  if (typeof fn !== 'function') throw new TypeError('setTimeout needs a function')
  const id = nextId++
  timers[timers.length] = { id, at: clock + Math.max(0, Number(ms) || 0), fn, args }
  return id
} })
defineProperty(globalThis, 'clearTimeout', { writable: true, configurable: true, value: (id) => {
  for (let i = 0; i < timers.length; i++) if (timers[i].id === id) { timers.splice(i, 1); return }
} })
const tick = () => {
  if (timers.length === 0) return false
  let k = 0
  for (let i = 1; i < timers.length; i++) if (timers[i].at < timers[k].at) k = i
  const t = timers.splice(k, 1)[0]
  clock = t.at
  t.fn(...t.args)
  return true
}
let lib
defineProperty(globalThis, 'lib', { configurable: true, get: () => lib || (lib = (0, eval)(${JSON.stringify(STDLIB_SOURCE)})) })
const setup = (json) => {
  const scope = parse(json)
  for (const key of ['input', 'trigger', 'nodes', 'vars', 'item', 'run'])
    defineProperty(globalThis, key, { value: scope[key], writable: true, configurable: true })
}
const readLogs = () => stringify({ logs, dropped })
return { setup, serialize, describe, tick, logs: readLogs }
})()`
}

/**
 * Prelude of the long-lived expression context: the standard library, then every reachable
 * intrinsic and `globalThis` frozen, so an expression can leave nothing behind for the next one.
 * `call(fn, json)` runs a compiled expression against a fresh copy of the scope.
 */
export function expressionPrelude(limits: SandboxLimits): string {
  return `(() => {
'use strict'
${common(limits)}
defineProperty(globalThis, 'lib', { value: (0, eval)(${JSON.stringify(STDLIB_SOURCE)}) })
delete globalThis.WeakRef
delete globalThis.FinalizationRegistry
const seen = new Set()
const lock = (o) => {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return
  seen.add(o)
  Object.freeze(o)
  for (const key of Reflect.ownKeys(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key)
    if ('value' in d) lock(d.value)
    else { lock(d.get); lock(d.set) }
  }
  lock(Object.getPrototypeOf(o))
}
const roots = [globalThis, function* () {}, async function () {}, async function* () {}, (function* () {})(),
  (async function* () {})(), [][Symbol.iterator](), ''[Symbol.iterator](), new Map().entries(),
  new Set().values(), /a/[Symbol.matchAll](''), Promise.resolve(), Object.getPrototypeOf(Int8Array)]
for (const r of roots) lock(r)
const call = (fn, json) => {
  const s = parse(json)
  return fn(s.trigger, s.nodes, s.vars, s.item, s.run)
}
return { call, serialize, describe }
})()`
}

/** Shared by both preludes: captured intrinsics, the strict serializer and the error reader. */
function common(limits: SandboxLimits): string {
  return `const stringify = JSON.stringify
const parse = JSON.parse
const { defineProperty, freeze } = Object
const NOT_JSON = {}
const TOO_DEEP = {}
const serialize = (value) => {
  if (value === undefined) return 'Jnull'
  const depths = new Map()
  let why = ''
  const replacer = function (key, v) {
    const t = typeof v
    if (t === 'function' || t === 'symbol' || t === 'bigint') {
      why = 'a ' + t + (key === '' ? ' cannot be returned' : ' at key "' + String(key).slice(0, 100) + '"')
      throw NOT_JSON
    }
    if (t === 'object' && v !== null) {
      const d = (depths.get(this) || 0) + 1
      if (d > ${limits.maxDepth}) throw TOO_DEEP
      depths.set(v, d)
    }
    return v
  }
  let s
  try {
    s = stringify(value, replacer)
  } catch (e) {
    if (e === NOT_JSON) return 'N' + why
    if (e === TOO_DEEP) return 'D'
    if (e instanceof TypeError && /circular/i.test(e.message)) return 'Nthe result contains a cycle'
    throw e
  }
  if (s === undefined) return 'Jnull'
  if (s.length > ${limits.maxOutputBytes}) return 'S' + s.length
  return 'J' + s
}
const describe = (e) => {
  let name = 'Error'
  let message = ''
  let stack = ''
  try {
    if (e !== null && (typeof e === 'object' || typeof e === 'function')) {
      name = String(e.name)
      message = String(e.message)
      stack = typeof e.stack === 'string' ? e.stack : ''
    } else if (e === null) name = 'null'
    else message = String(e)
  } catch {
    message = 'an error that cannot be read'
  }
  const m = /(?:script|expression)\\.js:(\\d+)/.exec(stack)
  return stringify({ name: name.slice(0, 100), message: message.slice(0, 2000), line: m ? Number(m[1]) : null })
}`
}
