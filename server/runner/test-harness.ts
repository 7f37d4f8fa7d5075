import { randomBytes } from 'node:crypto'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import { e, n, testNodes } from '../../runtime/engine/test-nodes.ts'
import type { Playbook, PlaybookNode } from '../../runtime/format/schema.ts'
import type { NodeType } from '../../runtime/node-type.ts'
import { createCipher, secretKeyFrom } from '../crypto/index.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createMemoryEventBus } from '../events/memory-bus.ts'
import { createRunQueue } from '../queue/run-queue.ts'
import { createSqliteStores } from '../store/index.ts'
import { createRunner } from './runner.ts'
import type { RunFinished, RunnerOptions } from './types.ts'

export { e, n }

/** A builtin node in a test playbook: `node('wait', 'flow.delay', { ms: 10 })`. */
export const node = (id: string, type: string, params: Record<string, unknown> = {}): PlaybookNode => ({
  id,
  type,
  version: 1,
  params,
})

/** A playbook that starts with a manual trigger named `start`. */
export function playbook(id: string, nodes: PlaybookNode[], edges: Playbook['edges']): Playbook {
  return {
    format: 'bulwark.playbook/2',
    id,
    name: id,
    nodes: [node('start', 'trigger.manual'), ...nodes],
    edges,
  }
}

/** Polls until `cond` holds (real time), failing after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting for a condition')
    await new Promise((r) => setTimeout(r, 5))
  }
}

/**
 * A runner over a real temporary SQLite database, the real engine, the builtin node types plus the
 * engine's counting test nodes (`test.side`, `test.fail`, …). `restart` simulates a new process on the
 * same database file.
 */
export function runnerHarness(
  opts: Partial<RunnerOptions> & { leaseMs?: number; extraTypes?: NodeType[] } = {},
) {
  const { extraTypes = [], ...runnerOpts } = opts
  const db = tempDatabase()
  const nodes = testNodes()
  const registry = createBuiltinRegistry([...nodes.types, ...extraTypes])
  const cipher = createCipher(secretKeyFrom(randomBytes(32), 'env'))
  const finished: RunFinished[] = []
  const bus = createMemoryEventBus()

  const build = (open: { db: typeof db.db }, extra: Partial<RunnerOptions> = {}) => {
    const stores = createSqliteStores(open.db, { cipher })
    const queue = createRunQueue(stores.runs, { leaseMs: opts.leaseMs ?? 30_000 })
    const runner = createRunner({
      stores,
      queue,
      registry,
      bus,
      pollMs: 60_000,
      drainMs: 200,
      onRunFinished: (r) => finished.push(r),
      ...runnerOpts,
      ...extra,
    })
    return { stores, queue, runner }
  }

  const first = build(db)
  return {
    ...first,
    db,
    nodes,
    registry,
    bus,
    finished,
    /** Saves and publishes a playbook; returns its version. */
    async publish(pb: Playbook): Promise<number> {
      await first.stores.playbooks.putDraft(pb, 'alice')
      return (await first.stores.playbooks.publish(pb.id, { actor: 'alice' })).version
    },
    /** Waits until the run's status is one of `statuses` and returns the run. */
    async settled(runId: string, statuses = ['succeeded', 'failed', 'cancelled', 'timed_out']) {
      await until(async () => statuses.includes((await first.stores.runs.get(runId))?.status ?? ''))
      return (await first.stores.runs.get(runId))!
    },
    /** Opens the same file again with a new runner, as a restarted process would. */
    restart(extra: Partial<RunnerOptions> = {}) {
      return build(db.reopen(), extra)
    },
    cleanup: () => db.cleanup(),
  }
}
