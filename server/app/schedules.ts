import type { Db } from '../db/open.ts'
import { scheduleFires } from '../db/schema.ts'
import type { Schedule, ScheduleFireStore } from '../schedule/scheduler.ts'
import type { PlaybookStore } from '../store/playbook-store.ts'
import { publishedTriggers } from './published-triggers.ts'

/**
 * `schedule_fires` as the scheduler's claim store: the insert wins once per (playbook, slot), across
 * restarts and processes, so a slot never fires twice.
 * @example createScheduler({ fires: scheduleFireStore(db, clock.now), ... })
 */
export function scheduleFireStore(db: Db, now: () => number): ScheduleFireStore {
  return {
    claim(playbookId, slot) {
      const r = db
        .insert(scheduleFires)
        .values({ playbookId, slot, firedAt: now() })
        .onConflictDoNothing()
        .run()
      return r.changes === 1
    },
  }
}

interface ScheduleNode {
  type: string
  params?: { cron?: unknown; timezone?: unknown }
}

/** The `trigger.schedule` nodes of a playbook's JSON text. */
export function schedulesOf(playbookId: string, json: string): Schedule[] {
  const doc = JSON.parse(json) as { nodes?: ScheduleNode[] }
  const out: Schedule[] = []
  for (const node of doc.nodes ?? []) {
    if (node.type !== 'trigger.schedule' || typeof node.params?.cron !== 'string') continue
    const timezone = typeof node.params.timezone === 'string' ? node.params.timezone : 'UTC'
    out.push({ playbookId, cron: node.params.cron, timezone })
  }
  return out
}

/**
 * The scheduler's `list`: the schedule triggers of each playbook's newest published version.
 * @example createScheduler({ list: publishedSchedules(stores.playbooks), ... })
 */
export function publishedSchedules(playbooks: PlaybookStore): () => Promise<Schedule[]> {
  return publishedTriggers(playbooks, schedulesOf)
}
