import { afterEach, describe, expect, it } from 'vitest'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createMemoryEventBus } from '../events/memory-bus.ts'
import { ingestAlert } from '../store/case-fixtures.ts'
import { createSqliteCaseStore } from '../store/sqlite-case-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { watchContainment } from './containment.ts'

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const succeeded = (
  runId: string,
  nodeId: string,
  at: number,
  flags: { contained?: boolean; simulated?: boolean } = {},
): RunEvent => ({
  type: 'node.succeeded',
  runId,
  seq: 1,
  at,
  nodeId,
  attempt: 1,
  output: null,
  ports: ['out'],
  durationMs: 1,
  ...flags,
})

function setup() {
  t = tempDatabase()
  const deps = testDeps()
  const cases = createSqliteCaseStore(t.db, deps)
  const bus = createMemoryEventBus()
  const errors: unknown[] = []
  const stop = watchContainment({ bus, cases, onError: (e) => errors.push(e) })
  return { db: t.db, deps, cases, bus, errors, stop }
}

const settle = () => new Promise((r) => setTimeout(r, 20))

describe('watchContainment', () => {
  it('marks the case on the first real containing success of a run linked to it', async () => {
    const { db, deps, cases, bus, errors, stop } = setup()
    const { caseId, runId } = ingestAlert(db, deps)

    bus.publish(runId!, succeeded(runId!, 'notify', 1000))
    bus.publish(runId!, succeeded(runId!, 'isolate', 1500, { contained: true, simulated: true }))
    bus.publish('unlinked', succeeded('unlinked', 'isolate', 1600, { contained: true }))
    await settle()
    expect((await cases.get(caseId!))?.containedAt).toBeNull()

    bus.publish(runId!, succeeded(runId!, 'isolate', 2000, { contained: true }))
    await settle()
    bus.publish(runId!, succeeded(runId!, 'isolate', 3000, { contained: true }))
    await settle()
    expect(await cases.get(caseId!)).toMatchObject({ containedAt: 2000, status: 'contained' })
    expect((await cases.get(caseId!))?.timeline.at(-1)).toMatchObject({
      kind: 'contained',
      details: { nodeId: 'isolate' },
    })
    stop()
    expect(errors).toEqual([])
  })

  it('counts the containment of a retry linked to the case of the run it retries', async () => {
    const { db, deps, cases, bus, errors, stop } = setup()
    const { caseId, runId } = ingestAlert(db, deps)
    bus.publish('retry-1', succeeded('retry-1', 'isolate', 1000, { contained: true }))
    await settle()
    expect((await cases.get(caseId!))?.containedAt).toBeNull()

    await cases.linkRetry(runId!, 'retry-1', { name: 'rita', human: true })
    bus.publish('retry-1', succeeded('retry-1', 'isolate', 2000, { contained: true }))
    await settle()
    expect(await cases.get(caseId!)).toMatchObject({ containedAt: 2000, status: 'contained' })
    stop()
    expect(errors).toEqual([])
  })
})
