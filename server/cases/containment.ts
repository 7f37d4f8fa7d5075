import type { EventBus, Unsubscribe } from '../events/bus.ts'
import type { CaseStore } from '../store/case-store.ts'

export interface ContainmentWatchOptions {
  bus: Pick<EventBus, 'subscribeAll'>
  cases: Pick<CaseStore, 'linkOfRun' | 'markContained'>
  onError(err: unknown): void
}

/**
 * Watches run events for the first containment in a run linked to a case, and marks the case
 * contained (MTTC). The engine marks a success `contained` when the node's type is a containment
 * action (isolate host, disable user, block IP, …) or when a sub-playbook it called (`flow.playbook`,
 * `flow.foreach`) had one succeed; simulated successes (test runs) never are.
 * @example const stop = watchContainment({ bus, cases: stores.cases, onError })
 */
export function watchContainment(opts: ContainmentWatchOptions): Unsubscribe {
  return opts.bus.subscribeAll((event) => {
    if (event.type !== 'node.succeeded' || !event.contained || event.simulated) return
    try {
      if (!opts.cases.linkOfRun(event.runId)) return
      opts.cases.markContained(event.runId, { nodeId: event.nodeId, at: event.at }).catch(opts.onError)
    } catch (err) {
      opts.onError(err)
    }
  })
}
