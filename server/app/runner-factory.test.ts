import { randomBytes } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { createBuiltinRegistry } from '../../nodes/registry.ts'
import { testIsolate } from '../../runtime/engine/test-nodes.ts'
import { watchContainment } from '../cases/containment.ts'
import { createCipher, secretKeyFrom } from '../crypto/index.ts'
import { tempDatabase } from '../db/test-db.ts'
import { createMemoryEventBus } from '../events/memory-bus.ts'
import { createMetrics } from '../metrics/metrics.ts'
import type { Runner } from '../runner/index.ts'
import { ingestAlert } from '../store/case-fixtures.ts'
import { newId } from '../store/deps.ts'
import { createSqliteStores } from '../store/index.ts'
import type { OutsideWorld } from './outside-world.ts'
import { buildRunner } from './runner-factory.ts'

let t: ReturnType<typeof tempDatabase> | undefined
let runner: Runner | undefined
afterEach(async () => {
  await runner?.stop()
  t?.cleanup()
})

const clock = {
  now: () => Date.now(),
  setTimeout,
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
}

describe('buildRunner', () => {
  it('links a retried run to the case of the run it retries', async () => {
    t = tempDatabase()
    const stores = createSqliteStores(t.db, { cipher: createCipher(secretKeyFrom(randomBytes(32), 'env')) })
    await stores.playbooks.putDraft({
      format: 'bulwark.playbook/2',
      id: 'pb',
      name: 'pb',
      nodes: [
        { id: 'start', type: 'trigger.webhook', version: 1, params: {} },
        { id: 'note', type: 'transform.set', version: 1, params: { values: { ok: true } } },
      ],
      edges: [{ from: 'start', to: 'note' }],
    })
    await stores.playbooks.publish('pb')
    // The world is never reached by this playbook (no HTTP, mail or script).
    const world = {} as OutsideWorld
    runner = buildRunner({
      stores,
      registry: createBuiltinRegistry(),
      bus: createMemoryEventBus(),
      metrics: createMetrics({ defaultMetrics: false }),
      clock,
      world,
      log: () => {},
    })
    const { caseId, runId } = ingestAlert(t.db, { now: Date.now, ids: newId })
    await stores.runs.enqueue({ id: runId!, playbookId: 'pb', version: 1, mode: 'production', trigger: {} })
    await runner.start()
    const ended = async (id: string) => {
      for (let i = 0; i < 200 && (await stores.runs.get(id))?.finishedAt == null; i++)
        await new Promise((r) => setTimeout(r, 10))
      return stores.runs.get(id)
    }
    expect(await ended(runId!)).toMatchObject({ status: 'succeeded' })

    const again = await runner.retry(runId!, { by: 'rita' })
    expect(await ended(again)).toMatchObject({ status: 'succeeded', retryOfRunId: runId })
    expect(stores.cases.linkOfRun(again)).toMatchObject({ caseId, playbookId: 'pb', version: 1 })
    const c = await stores.cases.get(caseId!)
    expect(c?.runs.map((r) => r.runId)).toEqual(expect.arrayContaining([runId, again]))
    expect(c?.timeline.at(-1)).toMatchObject({
      kind: 'run.retried',
      actor: 'rita',
      details: { runId: again },
    })
  })

  it('marks the case of a run contained when a containment step of its sub-playbook succeeds', async () => {
    t = tempDatabase()
    const stores = createSqliteStores(t.db, { cipher: createCipher(secretKeyFrom(randomBytes(32), 'env')) })
    const publish = async (id: string, nodes: unknown[], edges: unknown[] = []) => {
      await stores.playbooks.putDraft({ format: 'bulwark.playbook/2', id, name: id, nodes, edges } as never)
      await stores.playbooks.publish(id)
    }
    await publish('isolate-host', [{ id: 'iso', type: 'test.isolate', version: 1, params: {} }])
    await publish(
      'pb',
      [
        { id: 'start', type: 'trigger.webhook', version: 1, params: {} },
        { id: 'contain', type: 'flow.playbook', version: 1, params: { playbook: { id: 'isolate-host' } } },
      ],
      [{ from: 'start', to: 'contain' }],
    )
    const bus = createMemoryEventBus()
    const errors: unknown[] = []
    const stop = watchContainment({ bus, cases: stores.cases, onError: (e) => errors.push(e) })
    runner = buildRunner({
      stores,
      registry: createBuiltinRegistry([testIsolate]),
      bus,
      metrics: createMetrics({ defaultMetrics: false }),
      clock,
      world: {} as OutsideWorld,
      log: (_level, msg, fields) => errors.push({ msg, fields }),
    })
    const { caseId, runId } = ingestAlert(t.db, { now: Date.now, ids: newId })
    await stores.runs.enqueue({ id: runId!, playbookId: 'pb', version: 1, mode: 'production', trigger: {} })
    await runner.start()
    for (let i = 0; i < 200 && (await stores.cases.get(caseId!))?.containedAt == null; i++)
      await new Promise((r) => setTimeout(r, 10))
    expect(await stores.cases.get(caseId!)).toMatchObject({ status: 'contained' })
    expect((await stores.cases.get(caseId!))?.timeline.at(-1)).toMatchObject({
      kind: 'contained',
      details: { nodeId: 'contain', runId },
    })
    stop()
    expect(errors).toEqual([])
  })
})
