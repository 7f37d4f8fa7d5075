import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import type { RunEvent } from '../../runtime/engine/types.ts'
import { defineNode } from '../../runtime/node-type.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createMemoryEventBus } from '../events/memory-bus.ts'
import { ingestAlert } from '../store/case-fixtures.ts'
import { createSqliteCaseStore } from '../store/sqlite-case-store.ts'
import { createSqlitePlaybookStore } from '../store/sqlite-playbook-store.ts'
import { testDeps } from '../store/test-clock.ts'
import { watchContainment } from './containment.ts'

const isolate = defineNode({
  type: 'test.isolate',
  version: 1,
  category: 'action',
  title: 'Isolate',
  params: z.object({}),
  sideEffects: true,
  containment: true,
  run: () => ({ output: null }),
})

let t: ReturnType<typeof tempDatabase> | undefined
afterEach(() => t?.cleanup())

const succeeded = (runId: string, nodeId: string, at: number, simulated?: boolean): RunEvent => ({
  type: 'node.succeeded',
  runId,
  seq: 1,
  at,
  nodeId,
  attempt: 1,
  output: null,
  ports: ['out'],
  durationMs: 1,
  ...(simulated ? { simulated } : {}),
})

async function setup() {
  t = tempDatabase()
  const deps = testDeps()
  const playbooks = createSqlitePlaybookStore(t.db, deps)
  await playbooks.putDraft({
    format: 'bulwark.playbook/2',
    id: 'pb',
    name: 'pb',
    nodes: [
      { id: 'start', type: 'trigger.webhook', version: 1, params: {} },
      { id: 'notify', type: 'transform.set', version: 1, params: { values: {} } },
      { id: 'isolate', type: 'test.isolate', version: 1, params: {} },
    ],
    edges: [],
  })
  await playbooks.publish('pb')
  const cases = createSqliteCaseStore(t.db, deps)
  const bus = createMemoryEventBus()
  const errors: unknown[] = []
  const stop = watchContainment({
    bus,
    cases,
    playbooks,
    registry: createBuiltinRegistry([isolate]),
    onError: (e) => errors.push(e),
  })
  return { db: t.db, deps, cases, bus, errors, stop }
}

const settle = () => new Promise((r) => setTimeout(r, 20))

describe('watchContainment', () => {
  it('marks the case on the first real success of a containment node of the run', async () => {
    const { db, deps, cases, bus, errors, stop } = await setup()
    const { caseId, runId } = ingestAlert(db, deps)

    bus.publish(runId!, succeeded(runId!, 'notify', 1000))
    bus.publish(runId!, succeeded(runId!, 'isolate', 1500, true))
    bus.publish('unlinked', succeeded('unlinked', 'isolate', 1600))
    await settle()
    expect((await cases.get(caseId!))?.containedAt).toBeNull()

    bus.publish(runId!, succeeded(runId!, 'isolate', 2000))
    await settle()
    bus.publish(runId!, succeeded(runId!, 'isolate', 3000))
    await settle()
    expect(await cases.get(caseId!)).toMatchObject({ containedAt: 2000, status: 'contained' })
    stop()
    expect(errors).toEqual([])
  })
  it('counts the containment of a retry linked to the case of the run it retries', async () => {
    const { db, deps, cases, bus, errors, stop } = await setup()
    const { caseId, runId } = ingestAlert(db, deps)
    bus.publish('retry-1', succeeded('retry-1', 'isolate', 1000))
    await settle()
    expect((await cases.get(caseId!))?.containedAt).toBeNull()

    await cases.linkRetry(runId!, 'retry-1', { name: 'rita', human: true })
    bus.publish('retry-1', succeeded('retry-1', 'isolate', 2000))
    await settle()
    expect(await cases.get(caseId!)).toMatchObject({ containedAt: 2000, status: 'contained' })
    stop()
    expect(errors).toEqual([])
  })
})
