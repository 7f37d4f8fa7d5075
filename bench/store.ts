import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunEvent, RunState } from '../runtime/engine/types.ts'
import { openDatabase } from '../server/db/open.ts'
import { createSqliteRunStore } from '../server/store/sqlite-run-store.ts'
import type { Row } from './engine.ts'

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US')

/** The events of one 5-node run as the engine emits them (started + succeeded per node). */
function runEvents(runId: string): RunEvent[] {
  const events: RunEvent[] = [
    { runId, seq: 0, at: 1, type: 'run.started', playbookId: 'p', mode: 'production' },
  ]
  for (let i = 0; i < 5; i++) {
    const nodeId = `node_${i}`
    events.push({ runId, seq: events.length, at: 2, type: 'node.started', nodeId, attempt: 1 })
    events.push({
      runId,
      seq: events.length,
      at: 3,
      type: 'node.succeeded',
      nodeId,
      attempt: 1,
      output: { verdict: 'malicious', score: 87, ip: '203.0.113.7' },
      ports: ['out'],
      durationMs: 1,
    })
  }
  events.push({ runId, seq: events.length, at: 4, type: 'run.finished', status: 'succeeded', durationMs: 3 })
  return events
}

/**
 * Storage figures on a real file (WAL, synchronous NORMAL): raw event inserts in batches, and whole
 * runs persisted the way the worker does it (enqueue, claim, one batch of events + steps + checkpoint
 * + end).
 */
export async function benchStore(): Promise<Row[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-bench-'))
  const { db, close } = openDatabase({ dataDir })
  try {
    const runs = createSqliteRunStore(db)
    const rows: Row[] = []

    const { id } = await runs.enqueue({ playbookId: 'p', mode: 'test', trigger: {} })
    const total = 100_000
    const batch = 500
    let t0 = performance.now()
    for (let seq = 0; seq < total; seq += batch) {
      const events: RunEvent[] = []
      for (let i = seq; i < seq + batch; i += 2) {
        const nodeId = `n${i}`
        events.push({ runId: id, seq: i, at: i, type: 'node.started', nodeId, attempt: 1 })
        const output = { verdict: 'malicious', score: 87 }
        const ports = ['out']
        events.push({
          runId: id,
          seq: i + 1,
          at: i + 1,
          type: 'node.succeeded',
          nodeId,
          attempt: 1,
          output,
          ports,
          durationMs: 1,
        })
      }
      await runs.record(id, { events })
    }
    rows.push({
      name: `store: node events persisted (with their steps), batches of ${batch}`,
      value: `${fmtInt(total / ((performance.now() - t0) / 1000))} events/s`,
    })

    const n = 3000
    // A checkpoint as the engine keeps it: the playbook (stored once, by hash) and the run's progress.
    const playbook = JSON.parse(
      readFileSync(new URL('./playbooks/webhook-bench.json', import.meta.url), 'utf8'),
    )
    const state = { version: 1, status: 'succeeded', seq: 12, playbook, nodes: {}, vars: {}, trigger: {} }
    t0 = performance.now()
    for (let i = 0; i < n; i++) {
      const run = await runs.enqueue({ playbookId: 'p', mode: 'production', version: 1, trigger: { i } })
      await runs.claim('bench', 30_000)
      await runs.record(run.id, {
        events: runEvents(run.id),
        state: { ...state, runId: run.id } as unknown as RunState,
        finish: { status: 'succeeded', at: i },
      })
    }
    rows.push({
      name: 'store: whole 5-node runs persisted (enqueue, claim, 12 events, steps, checkpoint)',
      value: `${fmtInt(n / ((performance.now() - t0) / 1000))} runs/s`,
      target: '≥ 2,000 runs/s end to end (issue 5)',
    })
    return rows
  } finally {
    close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
