import { createHmac } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loginHeaders, type ServerProcess, startServerProcess } from '../testing/server-process.ts'

/**
 * Crash recovery with a real process kill: production runs sit in a `flow.delay` and at an approval
 * gate, webhooks are answered 202, then the server dies by SIGKILL and starts again on the same data
 * dir. The delayed runs are recovered and finish, the waiting run still waits and a responder's
 * approval completes it, and every webhook answered 202 is a run that exists.
 */
const PASSWORD = 'recovery-admin-password-long'
const RESPONDER_PASSWORD = 'recovery-responder-password'
const DELAY_MS = 2500
const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-recovery-'))
let server: ServerProcess | undefined
const output = () => server?.output() ?? ''

async function startServer(): Promise<string> {
  server = await startServerProcess({
    dataDir,
    adminPassword: PASSWORD,
    env: { BULWARK_SKIP_EDITOR_BUILD: '1' },
  })
  return server.base
}

const kill9 = () => server?.kill9() ?? Promise.resolve()

afterAll(async () => {
  await kill9()
  rmSync(dataDir, { recursive: true, force: true })
})

const login = loginHeaders

async function post(base: string, headers: Record<string, string>, path: string, body: unknown) {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined
  return { status: res.status, json: json ?? {} }
}

interface RunView {
  status: string
  outputs?: Record<string, unknown>
  steps: { nodeId: string; status: string }[]
}

async function getRun(
  base: string,
  headers: Record<string, string>,
  id: string,
): Promise<RunView | undefined> {
  const res = await fetch(`${base}/api/runs/${id}`, { headers })
  if (res.status === 404) return undefined
  expect(res.status).toBe(200)
  return (await res.json()) as RunView
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const v = await probe()
    if (v !== undefined) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${output()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const node = (id: string, type: string, params: Record<string, unknown>) => ({
  id,
  type,
  version: 1,
  name: id,
  params,
})

/** Webhook → 2.5 s delay → done. */
const delayed = {
  format: 'bulwark.playbook/2',
  id: 'recovery-delay',
  name: 'Recovery: delay',
  outputs: { host: { type: 'string', value: '{{ nodes.done.output.host }}' } },
  nodes: [
    node('hook', 'trigger.webhook', {}),
    node('wait', 'flow.delay', { ms: DELAY_MS }),
    node('done', 'transform.set', { values: { host: '{{ trigger.host }}' } }),
  ],
  edges: [
    { from: 'hook', to: 'wait' },
    { from: 'wait', to: 'done' },
  ],
}

/** Manual → approval by a responder → done. */
const gated = {
  format: 'bulwark.playbook/2',
  id: 'recovery-gate',
  name: 'Recovery: approval',
  outputs: { decision: { type: 'string', value: '{{ nodes.done.output.decision }}' } },
  nodes: [
    node('start', 'trigger.manual', {}),
    node('gate', 'flow.approval', {
      approvers: { roles: ['responder'] },
      message: 'Isolate {{ trigger.host }}?',
      timeoutMs: 600_000,
    }),
    node('done', 'transform.set', { values: { decision: '{{ nodes.gate.output.decision }}' } }),
  ],
  edges: [
    { from: 'start', to: 'gate' },
    { from: 'gate', to: 'done', port: 'approved' },
  ],
}

describe('recovery after kill -9', () => {
  it('recovers delayed runs, keeps the waiting run waiting, and loses no accepted webhook', async () => {
    let base = await startServer()
    let admin = await login(base, 'admin', PASSWORD)
    for (const pb of [delayed, gated]) {
      expect((await post(base, admin, '/api/playbooks', pb)).status).toBe(201)
      expect((await post(base, admin, `/api/playbooks/${pb.id}/publish`, { note: 'e2e' })).status).toBe(201)
    }
    const user = await post(base, admin, '/api/users', {
      username: 'responder1',
      password: RESPONDER_PASSWORD,
      role: 'responder',
    })
    expect(user.status).toBe(201)
    const { json: hook } = await post(base, admin, `/api/playbooks/${delayed.id}/webhook`, {})
    const secret = hook.secret as string

    // (a) a production run that will sit in the delay.
    const a = await post(base, admin, `/api/playbooks/${delayed.id}/runs`, {
      event: { host: 'api-run' },
      mode: 'production',
    })
    expect(a.status).toBe(202)
    const delayedRun = a.json.runId as string
    // (b) a production run that will wait at the gate.
    const b = await post(base, admin, `/api/playbooks/${gated.id}/runs`, {
      event: { host: 'ws-7' },
      mode: 'production',
    })
    expect(b.status).toBe(202)
    const waitingRun = b.json.runId as string

    // Webhooks (HMAC-signed): a first one that reaches the delay, then a burst cut short by the kill.
    const send = async (i: number): Promise<string | undefined> => {
      const body = JSON.stringify({ host: `hook-${i}` })
      const sig = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
      try {
        const res = await fetch(`${base}/hooks/${delayed.id}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-bulwark-signature': sig },
          body,
        })
        if (res.status !== 202) return undefined
        return ((await res.json()) as { runIds: string[] }).runIds[0]
      } catch {
        return undefined // the connection died with the process: no promise was made
      }
    }
    const first = await send(0)
    expect(first).toBeTypeOf('string')
    const accepted = [first as string]

    await until('the delayed runs and the gate', async () => {
      const [ra, rb, rw] = await Promise.all([
        getRun(base, admin, delayedRun),
        getRun(base, admin, waitingRun),
        getRun(base, admin, first as string),
      ])
      const inDelay = (r?: RunView) => r?.steps.some((s) => s.nodeId === 'wait' && s.status === 'running')
      return inDelay(ra) && inDelay(rw) && rb?.status === 'waiting' ? true : undefined
    })

    let killed = false
    const burst = Array.from({ length: 40 }, (_, i) =>
      send(i + 1).then((id) => {
        if (id) accepted.push(id)
        // Kill as soon as a few answers are in: the rest are in flight.
        if (accepted.length >= 6 && !killed) {
          killed = true
          void kill9()
        }
      }),
    )
    await Promise.all(burst)
    await kill9()
    expect(accepted.length).toBeGreaterThanOrEqual(2)

    base = await startServer()
    admin = await login(base, 'admin', PASSWORD)

    // Every 202 is a run that exists, and (like the API run) it is recovered and finishes.
    for (const id of [delayedRun, ...accepted]) {
      const run = await until(
        `run ${id} to finish`,
        async () => {
          const r = await getRun(base, admin, id)
          expect(r, `run ${id} answered 202 but is gone`).toBeDefined()
          return r && ['succeeded', 'failed', 'cancelled', 'timed_out'].includes(r.status) ? r : undefined
        },
        DELAY_MS + 8000,
      )
      expect(run.status).toBe('succeeded')
      expect(run.outputs?.host).toMatch(/^(api-run|hook-\d+)$/)
    }
    // The runs that were in the delay at the kill were continued from their checkpoint, not restarted.
    for (const id of [delayedRun, first as string]) {
      const sse = await fetch(`${base}/api/runs/${id}/events`, {
        headers: admin,
        signal: AbortSignal.timeout(5000),
      })
      const text = await sse.text()
      expect(text.match(/event: run\.started/g)).toHaveLength(2)
      expect(text).toContain('"resumed":true')
      expect(text.match(/event: run\.finished/g)).toHaveLength(1)
    }

    // The waiting run still waits; a responder's approval completes it.
    expect((await getRun(base, admin, waitingRun))?.status).toBe('waiting')
    const res = await fetch(`${base}/api/approvals?status=pending&runId=${waitingRun}`, { headers: admin })
    const { items } = (await res.json()) as { items: { id: string }[] }
    expect(items).toHaveLength(1)
    const responder = await login(base, 'responder1', RESPONDER_PASSWORD)
    const decided = await post(base, responder, `/api/approvals/${items[0]?.id}`, {
      decision: 'approve',
      comment: 'after the crash',
    })
    expect(decided.status).toBe(200)
    expect(decided.json.resolved).toBe(true)
    const done = await until('the approved run to finish', async () => {
      const r = await getRun(base, admin, waitingRun)
      return r?.status === 'succeeded' ? r : undefined
    })
    expect(done.outputs?.decision).toBe('approve')
  }, 30_000)
})
