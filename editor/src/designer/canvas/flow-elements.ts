import type { Problem } from '../../../../runtime/format/problems.ts'
import type {
  Note,
  Playbook,
  PlaybookEdge,
  PlaybookNode,
  Position,
} from '../../../../runtime/format/schema.ts'
import type { NodeRegistry, NodeType } from '../../../../runtime/node-type.ts'
import { edgeKey, portOf } from '../store/rules/edge-key.ts'
import { isTrigger, portsFor } from '../store/rules/ports.ts'
import type { RunOverlay } from '../store/types.ts'
import {
  type CanvasEdge,
  type CanvasNode,
  type DiffStatus,
  INPUT_HANDLE,
  NOTE_PREFIX,
  type NoteFlowNode,
  type StepData,
  type StepFlowNode,
} from './flow-types.ts'
import { noteSize, stepGeometry } from './node-geometry.ts'

/** Everything the canvas nodes are drawn from. */
export interface NodeInputs {
  playbook: Playbook
  registry: NodeRegistry
  selection: readonly string[]
  problems: readonly Problem[]
  overlay: RunOverlay | null
  diff?: Readonly<Record<string, DiffStatus>>
  /** Positions of boxes being dragged, by canvas id. */
  dragging?: Readonly<Record<string, Position>>
}

export interface EdgeInputs {
  playbook: Playbook
  overlay: RunOverlay | null
  selectedEdges: ReadonlySet<string>
}

interface Cached<T> {
  deps: readonly unknown[]
  value: T
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.every((v, i) => Object.is(v, b[i]))

/** Reuses `previous` when its deps are the same, so React Flow skips boxes that did not change. */
function reuse<T>(cache: Map<string, Cached<T>>, key: string, deps: unknown[], make: () => T): T {
  const hit = cache.get(key)
  if (hit && sameDeps(hit.deps, deps)) return hit.value
  const value = make()
  cache.set(key, { deps, value })
  return value
}

/** Forgets cached entries of boxes or edges that are gone. */
function prune(cache: Map<string, unknown>, keep: ReadonlySet<string>) {
  if (cache.size <= keep.size) return
  for (const key of cache.keys()) if (!keep.has(key)) cache.delete(key)
}

const ORIGIN: Position = { x: 0, y: 0 }

/**
 * Turns the playbook into React Flow nodes and edges. Objects of boxes and edges that did not change
 * are reused between calls: React Flow then re-renders only what changed (a selection change redraws
 * two boxes, not 500). Boxes carry their size and handles (`node-geometry.ts`), so nothing waits
 * for DOM measuring. One cache per canvas.
 * @example const elements = createFlowElements(); const nodes = elements.nodes({ playbook, registry, … })
 */
export function createFlowElements() {
  const stepData = new Map<string, Cached<StepData>>()
  const flowNodes = new Map<string, Cached<CanvasNode>>()
  const flowEdges = new Map<string, Cached<CanvasEdge>>()
  let countsFor: { problems: readonly Problem[]; counts: Map<string, [number, number]> } | undefined
  let portsUsed: { edges: readonly PlaybookEdge[]; ports: Map<string, string> } | undefined

  function problemCounts(problems: readonly Problem[]) {
    if (countsFor?.problems === problems) return countsFor.counts
    const counts = new Map<string, [number, number]>()
    for (const p of problems) {
      if (p.nodeId === undefined) continue
      const c = counts.get(p.nodeId) ?? [0, 0]
      c[p.severity === 'error' ? 0 : 1]++
      counts.set(p.nodeId, c)
    }
    countsFor = { problems, counts }
    return counts
  }

  /** The ports each node's edges leave from, as a joined string (cheap to compare). */
  function edgePorts(edges: readonly PlaybookEdge[]) {
    if (portsUsed?.edges === edges) return portsUsed.ports
    const sets = new Map<string, Set<string>>()
    for (const e of edges) {
      const set = sets.get(e.from) ?? new Set()
      set.add(portOf(e))
      sets.set(e.from, set)
    }
    const ports = new Map([...sets].map(([id, set]) => [id, [...set].join('\n')]))
    portsUsed = { edges, ports }
    return ports
  }

  function step(node: PlaybookNode, input: NodeInputs, selected: ReadonlySet<string>): StepFlowNode {
    const def = input.registry.get(node.type, node.version)
    const [errors, warnings] = problemCounts(input.problems).get(node.id) ?? [0, 0]
    const used = edgePorts(input.playbook.edges).get(node.id) ?? ''
    const overlay = input.overlay?.nodes[node.id]
    const diff = input.diff?.[node.id]
    const data = reuse(stepData, node.id, [node, def, errors, warnings, used, overlay, diff], () =>
      stepDataOf(node, def, { errors, warnings, used, overlay, diff }),
    )
    const position = input.dragging?.[node.id] ?? input.playbook.layout?.[node.id] ?? ORIGIN
    const isSelected = selected.has(node.id)
    return reuse(flowNodes, node.id, [data, position, isSelected], () => ({
      id: node.id,
      type: 'step',
      position,
      data,
      selected: isSelected,
      ariaLabel: `${data.title} (${node.id})`,
      ...stepGeometry(data),
    })) as StepFlowNode
  }

  function note(n: Note, input: NodeInputs, selected: ReadonlySet<string>): NoteFlowNode {
    const id = `${NOTE_PREFIX}${n.id}`
    const drag = input.dragging?.[id]
    const isSelected = selected.has(n.id)
    return reuse(flowNodes, id, [n, drag, isSelected], () => ({
      id,
      type: 'note',
      position: drag ?? { x: n.x, y: n.y },
      data: { note: n },
      selected: isSelected,
      zIndex: -1,
      ariaLabel: `Note ${n.id}`,
      measured: noteSize(n),
      handles: [],
    })) as NoteFlowNode
  }

  return {
    /** The boxes: notes first (drawn below), then the playbook's nodes. */
    nodes(input: NodeInputs): CanvasNode[] {
      const selected = new Set(input.selection)
      const seen = new Set<string>()
      const out: CanvasNode[] = []
      for (const n of input.playbook.notes ?? []) {
        if (seen.has(`${NOTE_PREFIX}${n.id}`)) continue
        seen.add(`${NOTE_PREFIX}${n.id}`)
        out.push(note(n, input, selected))
      }
      for (const n of input.playbook.nodes) {
        // A file with a repeated id shows its first node; the problems panel names the repeat.
        if (seen.has(n.id)) continue
        seen.add(n.id)
        out.push(step(n, input, selected))
      }
      prune(flowNodes, seen)
      prune(stepData, seen)
      return out
    },
    /** The edges between existing nodes, keyed `from:port->to`, taken ones marked. */
    edges(input: EdgeInputs): CanvasEdge[] {
      const ids = new Set(input.playbook.nodes.map((n) => n.id))
      const taken = new Set(input.overlay?.takenEdges ?? [])
      const seen = new Set<string>()
      const out: CanvasEdge[] = []
      for (const e of input.playbook.edges) {
        const key = edgeKey(e)
        if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to || seen.has(key)) continue
        seen.add(key)
        const isTaken = taken.has(key)
        const isSelected = input.selectedEdges.has(key)
        out.push(
          reuse(flowEdges, key, [e, isTaken, isSelected], () => ({
            id: key,
            type: 'port',
            source: e.from,
            target: e.to,
            sourceHandle: portOf(e),
            targetHandle: INPUT_HANDLE,
            data: { port: portOf(e), taken: isTaken },
            selected: isSelected,
            animated: isTaken,
            ariaLabel: `${e.from} ${portOf(e)} to ${e.to}`,
            ...(isTaken ? { className: 'taken' } : {}),
          })),
        )
      }
      prune(flowEdges, seen)
      return out
    },
  }
}

function stepDataOf(
  node: PlaybookNode,
  def: NodeType | undefined,
  extra: {
    errors: number
    warnings: number
    used: string
    overlay: StepData['overlay']
    diff: DiffStatus | undefined
  },
): StepData {
  const declared = portsFor(node, def)
  const strayPorts = extra.used === '' ? [] : extra.used.split('\n').filter((p) => !declared.includes(p))
  const data: StepData = {
    nodeId: node.id,
    title: node.name || def?.title || node.type,
    type: node.type,
    version: node.version,
    ports: [...declared, ...strayPorts],
    strayPorts,
    hasInput: !isTrigger(def),
    unknownType: def === undefined,
    errors: extra.errors,
    warnings: extra.warnings,
  }
  if (def?.icon) data.icon = def.icon
  if (extra.overlay) data.overlay = extra.overlay
  if (extra.diff) data.diff = extra.diff
  return data
}
