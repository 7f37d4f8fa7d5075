import type { Clock } from '../../runtime/engine/types.ts'
import { watchContainment } from '../cases/containment.ts'
import { type AlertIntake, createAlertIntake } from '../cases/intake.ts'
import { createRuleIndex, type RuleIndex } from '../cases/rule-index.ts'
import type { Db } from '../db/open.ts'
import type { EventBus } from '../events/bus.ts'
import type { Runner } from '../runner/types.ts'
import { createSilenceWatcher } from '../silence/watcher.ts'
import type { Stores } from '../store/index.ts'
import type { Logger } from './logger.ts'
import { publishedSilences, silenceEvent, silenceStore } from './silences.ts'

/** The case side of a server: the alert intake, the rule index, and the background watchers. */
export interface CaseServices {
  intake: AlertIntake
  rules: RuleIndex
  /** Starts the silence watcher and the containment watch. */
  start(): void
  stop(): void
}

/**
 * Builds the alert intake (routes queue alert and webhook runs through it), the rule index, the
 * silence watcher (fires `trigger.silence` playbooks) and the containment watch (MTTC).
 * @example const cases = createCaseServices({ db, stores, runner, bus, clock, log }); cases.start()
 */
export function createCaseServices(input: {
  db: Db
  stores: Stores
  runner: Runner
  bus: EventBus
  clock: Clock
  log: Logger
  /** How often silences are checked (default 15 s). */
  silencePollMs?: number
}): CaseServices {
  const { stores, runner, clock, log } = input
  const silences = createSilenceWatcher({
    clock,
    store: silenceStore(input.db, stores.alerts),
    list: publishedSilences(stores.playbooks),
    pollMs: input.silencePollMs,
    async onFire(watch, fired) {
      const runId = await runner.enqueueRun({
        playbookId: watch.playbookId,
        mode: 'production',
        trigger: silenceEvent(watch, fired),
        requestedBy: 'silence',
      })
      log('info', 'silence fired', { playbookId: watch.playbookId, source: watch.source, runId })
    },
    onError: (err, w) =>
      log('error', 'silence watch failed', { playbookId: w?.playbookId, error: String(err) }),
  })
  let unwatch: (() => void) | undefined
  return {
    intake: createAlertIntake({
      runner,
      playbooks: stores.playbooks,
      store: stores.alertIntake,
      now: () => clock.now(),
    }),
    rules: createRuleIndex(stores.playbooks),
    start() {
      silences.start()
      unwatch ??= watchContainment({
        bus: input.bus,
        cases: stores.cases,
        onError: (err) => log('error', 'containment watch failed', { error: String(err) }),
      })
    },
    stop() {
      silences.stop()
      unwatch?.()
      unwatch = undefined
    },
  }
}
