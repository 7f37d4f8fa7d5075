import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { loginHeaders, startServerProcess } from '../server/testing/server-process.ts'
import type { Row } from './engine.ts'

/**
 * The webhook benchmark: the real server process on a free 127.0.0.1 port over a temporary data dir,
 * a published 5-node playbook (`bench/playbooks/webhook-bench.json`: trigger.webhook →
 * script.javascript → condition.if → transform.set → transform.set "response"), driven through
 * `POST /hooks/:id` with its bearer secret by autocannon at 50 connections. Production runs, full
 * history persisted. Reports the accept rate (202s), the completion rate (runs that really ended in
 * the database, counted after the queue drained), HTTP p50/p99 and the server's RSS.
 *
 * Env: `BENCH_WEBHOOK_SECONDS` (default 10), `BENCH_WEBHOOK_CONNECTIONS` (default 50),
 * `BENCH_CPU_PROF=<dir>` writes a V8 CPU profile of the server process there (on graceful exit),
 * `BENCH_NODE_ARGS` adds node flags to the server's (e.g. `--max-semi-space-size=16`).
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const PLAYBOOK_FILE = join(ROOT, 'bench/playbooks/webhook-bench.json')
const PASSWORD = 'bench-admin-password-long'
const DRAIN_LIMIT_MS = 120_000

interface AutocannonResult {
  duration: number
  '2xx': number
  non2xx: number
  errors: number
  timeouts: number
  requests: { total: number; average: number }
  latency: { p50: number; p99: number; average: number; max: number }
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>
// autocannon is CommonJS without bundled types.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US')
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** A file's size in MB (0 when it does not exist). */
function fileMb(path: string): number {
  try {
    return statSync(path).size / (1024 * 1024)
  } catch {
    return 0
  }
}

/** The server's resident set size in MB (Linux /proc). */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : Number.NaN
  } catch {
    return Number.NaN
  }
}

async function call(base: string, headers: Record<string, string>, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as Record<string, unknown>
}

/** Creates, publishes and arms the bench playbook; returns its id and webhook secret. */
async function setUp(base: string): Promise<{ id: string; secret: string }> {
  const headers = await loginHeaders(base, 'admin', PASSWORD)
  const doc = JSON.parse(readFileSync(PLAYBOOK_FILE, 'utf8')) as { id: string }
  await call(base, headers, '/api/playbooks', doc)
  await call(base, headers, `/api/playbooks/${doc.id}/publish`, { note: 'bench' })
  const { secret } = await call(base, headers, `/api/playbooks/${doc.id}/webhook`, {})
  if (typeof secret !== 'string') throw new Error('no webhook secret returned')
  return { id: doc.id, secret }
}

interface Counts {
  byStatus: Record<string, number>
  total: number
  active: number
  terminal: number
  /** Runs that ended at or before the given time. */
  endedBy: number
  lastFinishedAt: number
}

function counter(dataDir: string, playbookId: string) {
  const db = new Database(join(dataDir, 'bulwark.db'), { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  const byStatus = db.prepare('SELECT status, count(*) AS n FROM runs WHERE playbook_id = ? GROUP BY status')
  const ended = db.prepare(
    'SELECT count(*) AS n, max(finished_at) AS last FROM runs WHERE playbook_id = ? AND finished_at IS NOT NULL AND finished_at <= ?',
  )
  const history = db.prepare(
    'SELECT (SELECT count(*) FROM run_events) AS events, (SELECT count(*) FROM run_steps) AS steps',
  )
  return {
    counts(endedBefore = Number.MAX_SAFE_INTEGER): Counts {
      const rows = byStatus.all(playbookId) as { status: string; n: number }[]
      const map = Object.fromEntries(rows.map((r) => [r.status, r.n]))
      const total = rows.reduce((s, r) => s + r.n, 0)
      const active = (map.queued ?? 0) + (map.running ?? 0)
      const e = ended.get(playbookId, endedBefore) as { n: number; last: number | null }
      return {
        byStatus: map,
        total,
        active,
        terminal: total - active - (map.waiting ?? 0),
        endedBy: e.n,
        lastFinishedAt: e.last ?? 0,
      }
    },
    history: () => history.get() as { events: number; steps: number },
    close: () => db.close(),
  }
}

/** Runs the webhook benchmark (about 10 s of load plus setup and drain) and returns its rows. */
export async function benchWebhook(): Promise<Row[]> {
  const seconds = Number(process.env.BENCH_WEBHOOK_SECONDS ?? 10)
  const connections = Number(process.env.BENCH_WEBHOOK_CONNECTIONS ?? 50)
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-bench-webhook-'))
  const prof = process.env.BENCH_CPU_PROF
  const server = await startServerProcess({
    dataDir,
    adminPassword: PASSWORD,
    env: { BULWARK_SKIP_EDITOR_BUILD: '1' },
    nodeArgs: [
      ...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof] : []),
      ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ],
  })
  const pid = server.child.pid ?? 0
  try {
    const { id, secret } = await setUp(server.base)
    const url = `${server.base}/hooks/${id}`
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
    const body = JSON.stringify({
      host: 'WS-0042.corp.example',
      score: 87,
      rule: 'Suspicious PowerShell',
      tags: ['edr', 'powershell', 'lateral'],
    })

    // Warm up: the sandbox, the prepared statements and the JIT, then let those runs finish.
    await autocannon({ url, method: 'POST', headers, body, connections: 4, amount: 400 })
    const db = counter(dataDir, id)
    try {
      const warmDeadline = Date.now() + 30_000
      while (db.counts().active > 0 && Date.now() < warmDeadline) await sleep(100)
      const before = db.counts()
      const rssBefore = rssMb(pid)

      let peakRss = rssBefore
      const walFile = join(dataDir, 'bulwark.db-wal')
      let peakWal = fileMb(walFile)
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, rssMb(pid))
        peakWal = Math.max(peakWal, fileMb(walFile))
      }, 250)
      const loadStart = Date.now()
      const result = await autocannon({ url, method: 'POST', headers, body, connections, duration: seconds })
      const loadEnd = Date.now()
      const rssAtLoadEnd = rssMb(pid)
      const atLoadEnd = db.counts(loadEnd)

      // Drain: wait until no run of the playbook is queued or running (bounded).
      const drainDeadline = loadEnd + DRAIN_LIMIT_MS
      let now = db.counts()
      while (now.active > 0 && Date.now() < drainDeadline) {
        await sleep(100)
        now = db.counts()
      }
      const drained = now.active === 0
      clearInterval(sampler)
      peakRss = Math.max(peakRss, rssMb(pid))
      const rssEnd = rssMb(pid)
      const history = db.history()

      const loadSecs = (loadEnd - loadStart) / 1000
      const accepted = result['2xx']
      const created = now.total - before.total
      const completed = now.terminal - before.terminal
      const succeeded = (now.byStatus.succeeded ?? 0) - (before.byStatus.succeeded ?? 0)
      const endedDuringLoad = atLoadEnd.endedBy - before.terminal
      const completionSecs = (Math.max(now.lastFinishedAt, loadEnd) - loadStart) / 1000
      const fmtMs = (n: number) => `${n.toFixed(1)} ms`
      return [
        {
          name: `webhook → 5-node playbook, accepted (202), ${connections} connections, ${seconds} s`,
          value: `${fmtInt(accepted / loadSecs)} runs/s (${fmtInt(accepted)} accepted, ${fmtInt(result.non2xx)} non-2xx, ${fmtInt(result.errors)} errors, ${fmtInt(result.timeouts)} timeouts)`,
          target: '≥ 2,000 runs/s',
        },
        {
          name: 'webhook → 5-node playbook, completed with history (load start → last run ended)',
          value: `${fmtInt(completed / completionSecs)} runs/s (${fmtInt(completed)} ended in ${completionSecs.toFixed(1)} s, ${fmtInt(succeeded)} succeeded; ${fmtInt(endedDuringLoad / loadSecs)} runs/s ended during the load${drained ? '' : `; NOT drained after ${DRAIN_LIMIT_MS / 1000} s: ${JSON.stringify(now.byStatus)}`})`,
          target: '≥ 2,000 runs/s',
        },
        {
          name: 'webhook 202s that are runs in the DB',
          value: `${fmtInt(created)} runs for ${fmtInt(accepted)} 202s counted${created >= accepted ? ' (extra: requests in flight when the load stopped)' : ' — RUNS LOST'}; history ${fmtInt(history.events)} events, ${fmtInt(history.steps)} steps`,
        },
        {
          name: 'webhook HTTP latency p50 / p99 (max)',
          value: `${fmtMs(result.latency.p50)} / ${fmtMs(result.latency.p99)} (${fmtMs(result.latency.max)})`,
          target: 'p99 < 50 ms',
        },
        {
          name: 'SQLite files after the drain: database / WAL (WAL peak during the run)',
          value: `${fileMb(join(dataDir, 'bulwark.db')).toFixed(0)} / ${fileMb(walFile).toFixed(0)} MB (${peakWal.toFixed(0)} MB)`,
          target: 'WAL bounded',
        },
        {
          name: 'server RSS: idle before load / end of load / after drain (peak)',
          value: `${rssBefore.toFixed(0)} / ${rssAtLoadEnd.toFixed(0)} / ${rssEnd.toFixed(0)} MB (${peakRss.toFixed(0)} MB)`,
          target: '< 200 MB',
        },
      ]
    } finally {
      db.close()
    }
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\nserver output:\n${server.output()}`)
  } finally {
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await benchWebhook()
  const width = Math.max(...rows.map((r) => r.name.length))
  for (const r of rows)
    console.log(`${r.name.padEnd(width)}  ${r.value}${r.target ? `   (target ${r.target})` : ''}`)
}
