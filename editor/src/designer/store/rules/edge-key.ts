import { DEFAULT_PORT, type PlaybookEdge } from '../../../../../runtime/format/schema.ts'

/**
 * The key of an edge, `from:port->to` (the port is `out` when the edge names none): the id of the
 * edge on the canvas and the form of `RunOverlay.takenEdges`.
 * @example edgeKey({ from: 'check', port: 'true', to: 'block' }) // 'check:true->block'
 */
export function edgeKey(edge: Pick<PlaybookEdge, 'from' | 'to' | 'port'>): string {
  return `${edge.from}:${edge.port ?? DEFAULT_PORT}->${edge.to}`
}

/** The port an edge leaves from. */
export function portOf(edge: Pick<PlaybookEdge, 'port'>): string {
  return edge.port ?? DEFAULT_PORT
}

/**
 * Whether an edge leaves `from` through `port` into `to` (an absent port is `out`).
 * @example sameEdge({ from: 'a', to: 'b' }, 'a', 'out', 'b') // true
 */
export function sameEdge(edge: PlaybookEdge, from: string, port: string, to: string): boolean {
  return edge.from === from && edge.to === to && portOf(edge) === port
}
