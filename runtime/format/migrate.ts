import { error, type Problem } from './problems.ts'
import { CURRENT_FORMAT } from './schema.ts'

/**
 * Numbered migrations: each upgrades a raw playbook from one `format` to the next, so that old
 * files always load. Migrations work on untrusted data: they never throw and never mutate their
 * input, and they leave anything they do not understand for the schema to report.
 */

type Obj = Record<string, unknown>

/** One step of the format history. */
export interface Migration {
  /** Its number in the history; migrations run in this order. */
  n: number
  from: string
  to: string
  /** Why the format changed. */
  description: string
  up(raw: Obj): Obj
}

/** The result of `migrate`: the upgraded value, the format it started from, and any problems. */
export interface MigrateResult {
  value: unknown
  /** The `format` of the input, when it had a string one. */
  from: string | undefined
  problems: Problem[]
}

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)

/** 1 → 2: node positions move into the top-level `layout`; `connections` become `edges`. */
const m001: Migration = {
  n: 1,
  from: 'bulwark.playbook/1',
  to: 'bulwark.playbook/2',
  description:
    'positions move from nodes to `layout`; `connections {source,target,sourcePort}` become `edges {from,to,port}`',
  up(raw) {
    const { connections, ...rest } = raw
    const layout: Obj = isObj(raw.layout) ? { ...raw.layout } : {}
    const nodes = Array.isArray(raw.nodes)
      ? raw.nodes.map((node) => {
          if (!isObj(node) || !('position' in node)) return node
          const { position, ...kept } = node
          if (typeof node.id === 'string' && !Object.hasOwn(layout, node.id)) layout[node.id] = position
          return kept
        })
      : raw.nodes
    const edges = Array.isArray(connections)
      ? connections.map((c) => {
          if (!isObj(c)) return c
          const { source, target, sourcePort, ...other } = c
          const edge: Obj = { ...other, from: source, to: target }
          if (sourcePort !== undefined) edge.port = sourcePort
          return edge
        })
      : (connections ?? raw.edges)
    const out: Obj = { ...rest, format: 'bulwark.playbook/2', nodes, edges }
    if (Object.keys(layout).length > 0) out.layout = layout
    return out
  },
}

/** Every migration, in order. Add the next one as `m002` when the format changes again. */
export const MIGRATIONS: readonly Migration[] = [m001]

/** Every format this version can read, oldest first. */
export const KNOWN_FORMATS: readonly string[] = [...MIGRATIONS.map((m) => m.from), CURRENT_FORMAT]

const FORMAT_PREFIX = 'bulwark.playbook/'

/**
 * Upgrades a raw playbook to `CURRENT_FORMAT` step by step. A value that is not an object, or has no
 * string `format`, is returned as is (the schema reports it); an unknown or newer format gives an
 * `UNKNOWN_FORMAT` problem. Never throws.
 * @example migrate({ format: 'bulwark.playbook/1', nodes: [], connections: [] }).value // { format: 'bulwark.playbook/2', nodes: [], edges: [] }
 */
export function migrate(raw: unknown): MigrateResult {
  if (!isObj(raw) || typeof raw.format !== 'string') return { value: raw, from: undefined, problems: [] }
  const from = raw.format
  let value: Obj = raw
  for (let guard = 0; guard <= MIGRATIONS.length; guard++) {
    if (value.format === CURRENT_FORMAT) return { value, from, problems: [] }
    const step = MIGRATIONS.find((m) => m.from === value.format)
    if (!step) break
    try {
      value = step.up(value)
    } catch (e) {
      const message = `migration ${step.n} (${step.from} → ${step.to}) failed: ${e instanceof Error ? e.message : String(e)}`
      return { value: raw, from, problems: [error('UNKNOWN_FORMAT', message, '$.format')] }
    }
  }
  return { value: raw, from, problems: [error('UNKNOWN_FORMAT', unknownFormatMessage(from), '$.format')] }
}

function unknownFormatMessage(format: string): string {
  const shown = format.length > 80 ? `${format.slice(0, 80)}…` : format
  const version = format.startsWith(FORMAT_PREFIX) ? Number(format.slice(FORMAT_PREFIX.length)) : Number.NaN
  const current = Number(CURRENT_FORMAT.slice(FORMAT_PREFIX.length))
  if (Number.isInteger(version) && version > current)
    return `format "${shown}" is newer than this version of Bulwark reads (${CURRENT_FORMAT}); upgrade Bulwark to open it`
  return `unknown format "${shown}"; expected one of ${KNOWN_FORMATS.join(', ')}`
}
