import type { SandboxLimits } from './limits.ts'
import { STDLIB_SOURCE } from './stdlib.ts'

/**
 * Source code evaluated inside every fresh QuickJS context before user code. Compiling source is
 * most of the cost of preparing a context (QuickJS/WASM compiles roughly 3 µs per line), so this
 * is as small as possible: the console, the timers and the standard library are compiled only when
 * a script first touches them (see `CONSOLE_SOURCE`, `TIMERS_SOURCE`), and so is the error reader
 * (`SCRIPT_DESCRIBE_SOURCE`), which only a failing script needs. It evaluates to private functions
 * the host keeps handles to (never put on `globalThis`): `run(json, fn)` parses the scope, calls the
 * compiled script with its roots and serializes its result (or returns the promise it gave, to be
 * driven by the host), and `finish(value)` serializes a settled result under the deadline.
 *
 * Tags of a serialized result: `J<json>` ok, `N<why>` not JSON, `D` too deep, `S<length>` too large.
 * The depth is checked here too: QuickJS's own cycle check in `JSON.stringify` is quadratic in the
 * depth and never checks the deadline.
 */
export function scriptPrelude(limits: SandboxLimits): string {
  return `(() => {
'use strict'
const stringify = JSON.stringify, parse = JSON.parse, String_ = String, Map_ = Map, Promise_ = Promise
const NOT_JSON = {}, TOO_DEEP = {}
const finish = (value) => {
  let why = '', s
  const depths = new Map_()
  try {
    s = stringify(value, function (key, v) {
      const t = typeof v
      if (t === 'object' && v !== null) {
        const d = (depths.get(this) || 0) + 1
        if (d > ${limits.maxDepth}) throw TOO_DEEP
        depths.set(v, d)
      } else if (t === 'function' || t === 'symbol' || t === 'bigint') {
        why = 'a ' + t + (key === '' ? ' cannot be returned' : ' at key "' + String_(key).slice(0, 100) + '"')
        throw NOT_JSON
      }
      return v
    })
  } catch (e) {
    if (e === NOT_JSON) return 'N' + why
    if (e === TOO_DEEP) return 'D'
    if (e instanceof TypeError && e.message.includes('circular')) return 'Nthe result contains a cycle'
    throw e
  }
  return s === undefined ? 'Jnull' : s.length > ${limits.maxOutputBytes} ? 'S' + s.length : 'J' + s
}
const run = (json, fn) => {
  const s = parse(json)
  const v = fn(s.input, s.trigger, s.nodes, s.vars, s.item, s.run)
  return v !== null && (typeof v === 'object' || typeof v === 'function') && typeof v.then === 'function' ? Promise_.resolve(v) : finish(v)
}
return { run, finish }
})()`
}

/**
 * The error reader of a script context, compiled when a script fails (it would add a quarter to the
 * preparation of every context): evaluates to `describe(error)`, which reads an error without
 * trusting it and returns `{ name, message, stack }` as JSON. It runs after the script, so it uses
 * whatever `String` and `JSON.stringify` the script left: a script that replaced them can only garble
 * its own error message (the host reads the answer defensively, under a short deadline).
 */
export const SCRIPT_DESCRIBE_SOURCE = `(() => {
'use strict'
const String_ = String, stringify = JSON.stringify
return (e) => {
  let name = 'Error', message = '', stack = ''
  try {
    if (e === null) name = 'null'
    else if (typeof e === 'object' || typeof e === 'function') { name = String_(e.name); message = String_(e.message); stack = String_(e.stack) }
    else message = String_(e)
  } catch { message = 'an error that cannot be read' }
  return stringify({ name: name.slice(0, 100), message: message.slice(0, 2000), stack: stack.slice(0, 2000) })
}
})()`

/**
 * The console, compiled on first use of `console`: evaluates to `{ console, logs }`, where
 * `logs()` returns the captured lines as JSON (capped in count and size).
 */
export function consoleSource(limits: SandboxLimits): string {
  return `(() => {
'use strict'
const stringify = JSON.stringify, String_ = String
const lines = []
let bytes = 0, dropped = 0
const show = (v) => {
  if (typeof v === 'string') return v
  try { const s = stringify(v); return s === undefined ? String_(v) : s } catch { try { return String_(v) } catch { return '[unprintable]' } }
}
const logger = (level) => (...args) => {
  if (lines.length >= ${limits.maxLogLines} || bytes >= ${limits.maxLogBytes}) { dropped++; return }
  let message = ''
  for (let i = 0; i < args.length; i++) message += (i ? ' ' : '') + show(args[i])
  const room = ${limits.maxLogBytes} - bytes
  if (message.length > room) message = message.slice(0, room) + '…'
  bytes += message.length
  lines[lines.length] = { level, message }
}
const info = logger('info')
const console = Object.freeze({ log: info, info, debug: logger('debug'), warn: logger('warn'), error: logger('error') })
return { console, logs: () => stringify({ logs: lines, dropped }) }
})()`
}

/**
 * Virtual timers, compiled on first use of `setTimeout` or `clearTimeout`: time never really
 * passes, timers run in due order once the script has nothing else to do. Evaluates to
 * `{ setTimeout, clearTimeout, tick }`; `tick()` runs the next timer and says if there was one.
 */
export const TIMERS_SOURCE = `(() => {
'use strict'
const timers = []
let clock = 0, nextId = 1
const setTimeout = (fn, ms, ...args) => {
  if (typeof fn !== 'function') throw new TypeError('setTimeout needs a function')
  timers[timers.length] = { id: nextId, at: clock + Math.max(0, Number(ms) || 0), fn, args }
  return nextId++
}
const clearTimeout = (id) => {
  for (let i = 0; i < timers.length; i++) if (timers[i].id === id) { timers.splice(i, 1); return }
}
const tick = () => {
  if (timers.length === 0) return false
  let k = 0
  for (let i = 1; i < timers.length; i++) if (timers[i].at < timers[k].at) k = i
  const t = timers.splice(k, 1)[0]
  clock = t.at
  t.fn(...t.args)
  return true
}
return { setTimeout, clearTimeout, tick }
})()`

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
