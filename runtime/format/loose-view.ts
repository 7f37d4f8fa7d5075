/**
 * A lenient reading of a (possibly invalid) playbook: just what the graph, node and expression checks
 * need, taken from whatever parts are well-formed. It lets validation report graph problems in the
 * same pass as schema problems, instead of stopping at the first broken field.
 */

type Obj = Record<string, unknown>

/** A node entry with a string id; other fields are kept only when they have the right type. */
export interface LooseNode {
  /** Position in `nodes`. */
  index: number
  id: string
  type?: string
  version?: number
  params?: Obj
  onError?: string
}

/** An edge entry; endpoints are set only when they are strings. */
export interface LooseEdge {
  index: number
  from?: string
  to?: string
  port?: string
}

/** The parts of a playbook that cross-reference each other. */
export interface LooseView {
  nodes: LooseNode[]
  edges: LooseEdge[]
  layoutKeys: string[]
  notes: { index: number; id: string }[]
  /** Templates in `outputs.<name>.value`. */
  outputs: { name: string; value: string }[]
}

/** Longer ids are not slugs (the schema says so) and are left out rather than echoed everywhere. */
const MAX_ID = 200

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

/** Reads the cross-referencing parts of an untrusted value; never throws on JSON-shaped input. */
export function looseView(raw: unknown): LooseView {
  const view: LooseView = { nodes: [], edges: [], layoutKeys: [], notes: [], outputs: [] }
  if (!isObj(raw)) return view
  if (Array.isArray(raw.nodes))
    raw.nodes.forEach((n, index) => {
      if (!isObj(n) || typeof n.id !== 'string' || n.id.length > MAX_ID) return
      const node: LooseNode = { index, id: n.id }
      if (typeof n.type === 'string') node.type = n.type
      if (typeof n.version === 'number') node.version = n.version
      if (isObj(n.params)) node.params = n.params
      else if (n.params === undefined) node.params = {}
      if (typeof n.onError === 'string') node.onError = n.onError
      view.nodes.push(node)
    })
  if (Array.isArray(raw.edges))
    raw.edges.forEach((e, index) => {
      if (!isObj(e)) return
      view.edges.push({ index, from: str(e.from), to: str(e.to), port: str(e.port) })
    })
  if (isObj(raw.layout)) view.layoutKeys = Object.keys(raw.layout)
  if (Array.isArray(raw.notes))
    raw.notes.forEach((note, index) => {
      if (isObj(note) && typeof note.id === 'string' && note.id.length <= MAX_ID)
        view.notes.push({ index, id: note.id })
    })
  if (isObj(raw.outputs))
    for (const [name, field] of Object.entries(raw.outputs))
      if (isObj(field) && typeof field.value === 'string') view.outputs.push({ name, value: field.value })
  return view
}
