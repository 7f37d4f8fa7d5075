import type { NodeRegistry } from '../../runtime/node-type.ts'
import type { EventBus, Unsubscribe } from '../events/bus.ts'
import type { CaseStore } from '../store/case-store.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'

export interface ContainmentWatchOptions {
  bus: Pick<EventBus, 'subscribeAll'>
  cases: Pick<CaseStore, 'linkOfRun' | 'markContained'>
  playbooks: Pick<PlaybookStore, 'getVersion'>
  registry: NodeRegistry
  onError(err: unknown): void
}

const CACHE_LIMIT = 1000

/**
 * Watches run events for the first success of a containment node (a node type marked
 * `containment: true`, e.g. isolate host, disable user, block IP) in a run linked to a case, and
 * marks the case contained (MTTC). Simulated successes (test runs) never count. The node types of a
 * published version are looked up once and cached.
 * @example const stop = watchContainment({ bus, cases: stores.cases, playbooks: stores.playbooks, registry, onError })
 */
export function watchContainment(opts: ContainmentWatchOptions): Unsubscribe {
  const cache = new Map<string, Promise<Set<string>>>()

  const containmentNodes = (playbookId: string, version: number) => {
    const key = `${playbookId}@${version}`
    let nodes = cache.get(key)
    if (!nodes) {
      if (cache.size >= CACHE_LIMIT) cache.clear()
      nodes = opts.playbooks.getVersion(playbookId, version).then((v) => {
        const doc = JSON.parse(v?.json ?? '{"nodes":[]}') as {
          nodes: { id: string; type: string; version: number }[]
        }
        return new Set(
          doc.nodes.filter((n) => opts.registry.get(n.type, n.version)?.containment).map((n) => n.id),
        )
      })
      nodes.catch(() => cache.delete(key))
      cache.set(key, nodes)
    }
    return nodes
  }

  return opts.bus.subscribeAll((event) => {
    if (event.type !== 'node.succeeded' || event.simulated) return
    const link = opts.cases.linkOfRun(event.runId)
    if (!link || link.version === null) return
    containmentNodes(link.playbookId, link.version)
      .then((nodes) =>
        nodes.has(event.nodeId)
          ? opts.cases.markContained(event.runId, { nodeId: event.nodeId, at: event.at })
          : false,
      )
      .catch(opts.onError)
  })
}
