import type { Playbook } from '../../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../../runtime/node-type.ts'
import type { Refusal } from '../types.ts'
import { sameEdge } from './edge-key.ts'
import { isTrigger, outputPorts } from './ports.ts'

/**
 * Whether `from`'s output `port` may be wired to `to`. Refuses, with a reason a user can act on:
 * an unknown node (`INVALID`), a self-loop, an edge into a trigger, a port the source does not have
 * for its current params, a duplicate edge, and an edge that would close a cycle (naming its nodes).
 * @example checkConnection(playbook, registry, 'verdict', 'true', 'alert') // { code: 'CYCLE', message: 'would close a cycle: alert → verdict → alert' }
 */
export function checkConnection(
  playbook: Playbook,
  registry: NodeRegistry,
  from: string,
  port: string,
  to: string,
): Refusal | null {
  const source = playbook.nodes.find((n) => n.id === from)
  const target = playbook.nodes.find((n) => n.id === to)
  if (!source || !target)
    return { code: 'INVALID', message: `there is no node "${source ? to : from}" to connect` }
  if (from === to) return { code: 'SELF_LOOP', message: `"${from}" cannot feed its own input` }
  if (isTrigger(registry.get(target.type, target.version)))
    return { code: 'INTO_TRIGGER', message: `"${to}" is a trigger: it starts the run and takes no input` }
  const ports = outputPorts(source, registry)
  if (!ports.includes(port))
    return {
      code: 'UNKNOWN_PORT',
      message: `"${from}" has no output "${port}"; its outputs are: ${ports.join(', ')}`,
    }
  if (playbook.edges.some((e) => sameEdge(e, from, port, to)))
    return { code: 'DUPLICATE_EDGE', message: `"${from}" (${port}) is already connected to "${to}"` }
  const loop = pathBetween(playbook, to, from)
  if (loop) return { code: 'CYCLE', message: `would close a cycle: ${[from, ...loop].join(' → ')}` }
  return null
}

/** The shortest path of node ids from `start` to `goal` along edges (both included), if any. */
export function pathBetween(playbook: Playbook, start: string, goal: string): string[] | undefined {
  const next = new Map<string, string[]>()
  for (const e of playbook.edges) {
    const list = next.get(e.from)
    if (list) list.push(e.to)
    else next.set(e.from, [e.to])
  }
  const parent = new Map<string, string>([[start, start]])
  const queue = [start]
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]!
    if (id === goal) {
      const path = [id]
      for (let at = id; at !== start; ) {
        at = parent.get(at)!
        path.push(at)
      }
      return path.reverse()
    }
    for (const to of next.get(id) ?? []) {
      if (parent.has(to)) continue
      parent.set(to, id)
      queue.push(to)
    }
  }
  return undefined
}
