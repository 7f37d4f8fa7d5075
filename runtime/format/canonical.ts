import {
  DEFAULT_PORT,
  edgeSchema,
  exampleSchema,
  fieldSchema,
  nodeSchema,
  noteSchema,
  type Playbook,
  playbookSchema,
  positionSchema,
  retrySchema,
  settingsSchema,
} from './schema.ts'

/**
 * The canonical text of a playbook: what `fmt` writes and git stores. Deterministic so that `fmt` is
 * idempotent and two people's edits merge like code: keys in a fixed order, nodes by id, edges by
 * (from, port, to), sets deduplicated and sorted, two-space indent, final newline.
 */

type Obj = Record<string, unknown>

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape)
const TOP_KEYS = keysOf(playbookSchema)
const NODE_ORDER: readonly string[] = [
  'id',
  'type',
  'version',
  'name',
  'description',
  'join',
  'params',
  'retry',
  'timeoutMs',
  'onError',
]
/** The fixed order above, then any node field added to the schema later, in schema order. */
const NODE_KEYS = [...NODE_ORDER, ...keysOf(nodeSchema).filter((k) => !NODE_ORDER.includes(k))]

/** Compares by UTF-16 code units: locale-independent, the same on every machine. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Serialises a (validated) playbook canonically. Absent optional fields are omitted; free-form
 * objects (params, vars, defaults) have their keys sorted at every level. Integer-like keys are
 * still printed first by JavaScript's own rules, which is equally stable.
 * @example toCanonical(playbook) // '{\n  "format": "bulwark.playbook/2",\n  ...}\n'
 */
export function toCanonical(playbook: Playbook): string {
  return `${JSON.stringify(canonicalValue(playbook), null, 2)}\n`
}

/** The canonical object (key order, sorting) before serialisation. */
export function canonicalValue(p: Playbook): Obj {
  const src = p as Obj
  const out = pick(src, TOP_KEYS, {
    tags: (v) => uniqueSorted(v as string[]),
    rules: (v) => uniqueSorted(v as string[]),
    inputs: (v) => mapSorted(v as Obj, (f) => pick(f as Obj, keysOf(fieldSchema), { default: sortDeep })),
    outputs: (v) => mapSorted(v as Obj, (f) => pick(f as Obj, keysOf(fieldSchema), { default: sortDeep })),
    settings: (v) => pick(v as Obj, keysOf(settingsSchema)),
    vars: sortDeep,
    nodes: (v) => [...(v as Obj[])].sort((a, b) => byCode(String(a.id), String(b.id))).map(node),
    edges: (v) => [...(v as Obj[])].sort(compareEdges).map((e) => pick(e, keysOf(edgeSchema))),
    layout: (v) => mapSorted(v as Obj, (pos) => pick(pos as Obj, keysOf(positionSchema))),
    notes: (v) =>
      [...(v as Obj[])]
        .sort((a, b) => byCode(String(a.id), String(b.id)))
        .map((n) => pick(n, keysOf(noteSchema))),
    // Examples keep the author's order: the first is the default sample.
    examples: (v) => (v as Obj[]).map((e) => pick(e, keysOf(exampleSchema), { event: sortDeep })),
  })
  return out
}

function node(n: Obj): Obj {
  return pick(n, NODE_KEYS, { params: sortDeep, retry: (r) => pick(r as Obj, keysOf(retrySchema)) })
}

function compareEdges(a: Obj, b: Obj): number {
  return (
    byCode(String(a.from), String(b.from)) ||
    byCode(String(a.port ?? DEFAULT_PORT), String(b.port ?? DEFAULT_PORT)) ||
    byCode(String(a.to), String(b.to))
  )
}

/** Copies `keys` in order, skipping undefined, transforming some values. */
function pick(src: Obj, keys: readonly string[], map: Record<string, (v: unknown) => unknown> = {}): Obj {
  const out: Obj = {}
  for (const k of keys) {
    const v = src[k]
    if (v === undefined) continue
    const f = map[k]
    define(out, k, f ? f(v) : v)
  }
  return out
}

function mapSorted(src: Obj, f: (v: unknown) => unknown): Obj {
  const out: Obj = {}
  for (const k of Object.keys(src).sort(byCode)) if (src[k] !== undefined) define(out, k, f(src[k]))
  return out
}

function uniqueSorted(list: readonly string[]): string[] {
  return [...new Set(list)].sort(byCode)
}

/** Sorts object keys at every level (arrays keep their order). Input is validated, so depth is bounded. */
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep)
  if (v === null || typeof v !== 'object') return v
  return mapSorted(v as Obj, sortDeep)
}

/** Sets an own property, even for the key `__proto__` (which plain assignment would not). */
function define(out: Obj, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true })
  else out[key] = value
}
