import type { Alert } from '../../nodes/trigger/alert/shape.ts'
import { normalizeAlert, recognizesAlert } from '../../nodes/trigger/alert.ts'
import { groupKey } from '../../nodes/trigger/grouping.ts'
import { NodeError } from '../../runtime/node-type.ts'
import type { EnqueueRequest, Runner } from '../runner/types.ts'
import { newId } from '../store/deps.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import type { AlertIntakeStore, IngestRequest } from '../store/sqlite-alert-intake.ts'
import { alertRowOf, boundedKey } from './alert-row.ts'
import { type AlertTrigger, createRunTargets } from './alert-trigger.ts'

/** What became of one event. */
export interface IntakeOutcome {
  /** Null when the alert joined a case whose grouping does not rerun the playbook. */
  runId: string | null
  /** Set when the event was an alert for an alert or webhook trigger. */
  alertId?: string
  /** Null for test runs (they open no case). */
  caseId?: string | null
  /** True when the alert opened the case. */
  created?: boolean
}

/** Where runs of alert and webhook triggers enter: the alert is stored and grouped before the run. */
export interface AlertIntake {
  /**
   * Like `Runner.enqueueRun`, and the same errors; stores and groups the alert when there is one.
   * `alwaysRun` (a person starting a run) runs even when the alert joins a case that does not rerun.
   */
  enqueue(req: EnqueueRequest, opts?: { alwaysRun?: boolean }): Promise<IntakeOutcome>
}

export interface AlertIntakeOptions {
  runner: Pick<Runner, 'enqueueRun'>
  playbooks: PlaybookStore
  store: AlertIntakeStore
  now: () => number
  ids?: () => string
}

function normalized(payload: unknown, trigger: AlertTrigger, now: number, runId: string): Alert | undefined {
  // Most webhook payloads that are not alerts stop here, without building an error.
  if (!recognizesAlert(payload, trigger.format)) return undefined
  try {
    return normalizeAlert(payload, trigger.format, { now, fallbackId: runId })
  } catch (err) {
    // Not an alert: nothing to store; the run itself reports ALERT_UNRECOGNIZED for trigger.alert.
    if (err instanceof NodeError) return undefined
    throw err
  }
}

/**
 * The alert intake. For a playbook whose trigger is `trigger.alert` or `trigger.webhook`, an event
 * the alert normalizer recognizes is stored (normalized, raw payload bounded) and, in production,
 * grouped into a case by the trigger's `grouping` rule; then the run is queued under an id chosen
 * first, so the case already names it when the run starts. A joining alert starts no run unless the
 * rule says `rerun`. Any other event just queues its run.
 * @example const { runId, caseId } = await intake.enqueue({ playbookId: 'triage', mode: 'production', trigger: body, requestedBy: 'webhook' })
 */
export function createAlertIntake(options: AlertIntakeOptions): AlertIntake {
  const { runner, store, now } = options
  const ids = options.ids ?? newId
  const targets = createRunTargets(options.playbooks)

  return {
    async enqueue(req, opts = {}) {
      const target = await targets.of(req)
      const runId = ids()
      const alert = target?.trigger && normalized(req.trigger, target.trigger, now(), runId)
      if (!target?.trigger || !alert) return { runId: await runner.enqueueRun(req) }
      const g = target.trigger.grouping
      const ingest: IngestRequest = {
        alert: alertRowOf(alert),
        playbookId: req.playbookId,
        version: target.version,
        mode: req.mode,
        runId,
        actor: req.requestedBy,
        ...(g && req.mode === 'production'
          ? {
              grouping: {
                key: boundedKey(groupKey(g.key, alert)),
                windowMs: g.windowMinutes * 60_000,
                rerun: g.rerun || opts.alwaysRun === true,
              },
            }
          : {}),
      }
      const result = store.ingest(ingest)
      if (result.runId !== null) {
        const version = target.version ?? undefined
        try {
          await runner.enqueueRun({ ...req, runId, ...(version !== undefined ? { version } : {}) })
        } catch (err) {
          store.unlinkRun(runId)
          throw err
        }
      }
      return { runId: result.runId, alertId: result.alertId, caseId: result.caseId, created: result.created }
    },
  }
}
