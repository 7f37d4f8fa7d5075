import { z } from 'zod'
import type { Playbook, PlaybookEdge, PlaybookNode } from '../format/schema.ts'
import { createRegistry, defineNode, NodeError, type NodeRegistry, type NodeType } from '../node-type.ts'

/**
 * Fake node types for engine tests, made by a factory so each test gets its own counters.
 * @example const t = testNodes(); const engine = createEngine({ registry: t.registry })
 */
export function testNodes() {
  const calls: string[] = []
  const stats = { inFlight: 0, maxInFlight: 0 }
  const aborted: string[] = []

  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason)
      const t = setTimeout(resolve, ms)
      signal.addEventListener('abort', () => {
        clearTimeout(t)
        reject(signal.reason)
      })
    })

  const types: NodeType[] = [
    defineNode({
      type: 'test.noop',
      version: 1,
      category: 'transform',
      title: 'No-op',
      params: z.object({ value: z.unknown().optional() }),
      run: ({ params }) => params.value ?? null,
    }),
    defineNode({
      type: 'test.echo',
      version: 1,
      category: 'transform',
      title: 'Echo params and input',
      params: z.object({ value: z.unknown().optional(), n: z.number().default(7) }),
      run: ({ params, input, ctx }) => {
        calls.push(ctx.nodeId)
        return { output: { params, input } }
      },
    }),
    defineNode({
      type: 'test.ports',
      version: 1,
      category: 'condition',
      title: 'Fires the given ports',
      params: z.object({ ports: z.union([z.string(), z.array(z.string())]), value: z.unknown().optional() }),
      ports: ['out', 'true', 'false', 'a', 'b'],
      run: ({ params }) => ({ output: params.value ?? null, port: params.ports }),
    }),
    defineNode({
      type: 'test.sleep',
      version: 1,
      category: 'transform',
      title: 'Sleeps on the real clock, honouring its signal',
      params: z.object({ ms: z.number().default(5), value: z.unknown().optional() }),
      async run({ params, ctx }) {
        calls.push(ctx.nodeId)
        stats.inFlight++
        stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight)
        try {
          await sleep(params.ms, ctx.signal)
        } catch (err) {
          aborted.push(ctx.nodeId)
          throw err
        } finally {
          stats.inFlight--
        }
        return params.value ?? ctx.nodeId
      },
    }),
    defineNode({
      type: 'test.fail',
      version: 1,
      category: 'transform',
      title: 'Fails',
      params: z.object({
        code: z.string().default('BOOM'),
        message: z.string().default('boom'),
        retryable: z.boolean().default(true),
        plain: z.boolean().default(false),
        /** Succeeds from this attempt on (flaky nodes). */
        succeedAt: z.number().optional(),
      }),
      run({ params, ctx }) {
        calls.push(`${ctx.nodeId}#${ctx.attempt}`)
        if (params.succeedAt !== undefined && ctx.attempt >= params.succeedAt) return 'recovered'
        if (params.plain) throw new Error(params.message)
        throw new NodeError(params.code, params.message, { retryable: params.retryable })
      },
    }),
    defineNode({
      type: 'test.wait',
      version: 1,
      category: 'flow',
      title: 'Waits for a value (default resume)',
      params: z.object({ wait: z.unknown().optional() }),
      run: ({ params }) => ({
        status: 'waiting' as const,
        wait: (params.wait ?? { kind: 'input' }) as never,
      }),
    }),
    defineNode({
      type: 'test.approve',
      version: 1,
      category: 'flow',
      title: 'Approval gate with a resume hook',
      output: z.unknown(),
      params: z.object({ question: z.string().default('ok?') }),
      ports: ['approved', 'rejected'],
      run: ({ params }) => ({ status: 'waiting' as const, wait: { question: params.question } }),
      resume: ({ value, params }) => ({
        output: { approved: value === 'yes', question: params.question },
        port: value === 'yes' ? 'approved' : 'rejected',
      }),
    }),
    defineNode({
      type: 'test.side',
      version: 1,
      category: 'action',
      title: 'Side effect',
      output: z.unknown(),
      params: z.object({ ms: z.number().default(0) }),
      sideEffects: true,
      sample: { simulated: true },
      async run({ params, ctx }) {
        calls.push(`side:${ctx.nodeId}`)
        if (params.ms) await sleep(params.ms, ctx.signal)
        return { real: true }
      },
    }),
    defineNode({
      type: 'test.secret',
      version: 1,
      category: 'enrichment',
      title: 'Reads a secret and leaks it into output and logs',
      params: z.object({ name: z.string() }),
      async run({ params, ctx }) {
        const v = await ctx.secrets.get(params.name)
        ctx.log.log('info', `using ${v}`, { token: v ?? null })
        return { header: `Bearer ${v}` }
      },
    }),
    defineNode({
      type: 'test.bad-output',
      version: 1,
      category: 'transform',
      title: 'Returns a non-JSON output',
      output: z.unknown(),
      params: z.object({ kind: z.enum(['function', 'bigint', 'cycle', 'date', 'nan']) }),
      run({ params }) {
        if (params.kind === 'function') return { output: { f: () => 1 } }
        if (params.kind === 'bigint') return { output: 10n }
        if (params.kind === 'date') return { output: new Date(0) }
        if (params.kind === 'nan') return { output: Number.NaN }
        const a: Record<string, unknown> = {}
        a.self = a
        return { output: a }
      },
    }),
    defineNode({
      type: 'test.big',
      version: 1,
      category: 'transform',
      title: 'Returns a large string',
      params: z.object({ size: z.number() }),
      run: ({ params }) => ({ text: 'x'.repeat(params.size) }),
    }),
  ]
  const registry: NodeRegistry = createRegistry(types)
  return { types, registry, calls, stats, aborted }
}

/** A containment action (like the EDR isolation templates): side effects, simulated in test runs. */
export const testIsolate = defineNode({
  type: 'test.isolate',
  version: 1,
  category: 'action',
  title: 'Isolate',
  params: z.object({}),
  sideEffects: true,
  containment: true,
  sample: { isolated: true },
  run: () => ({ output: { isolated: true } }),
})

/** Short node constructor for test playbooks. */
export function n(
  id: string,
  type = 'noop',
  params: Record<string, unknown> = {},
  extra: Partial<PlaybookNode> = {},
): PlaybookNode {
  return { id, type: `test.${type}`, version: 1, params, ...extra }
}

/** Short edge constructor: `e('a', 'b')` or `e('a', 'b', 'true')`. */
export function e(from: string, to: string, port?: string): PlaybookEdge {
  return port === undefined ? { from, to } : { from, to, port }
}

/** A minimal valid playbook around nodes and edges. */
export function pb(
  nodes: PlaybookNode[],
  edges: PlaybookEdge[] = [],
  extra: Partial<Playbook> = {},
): Playbook {
  return { format: 'bulwark.playbook/2', id: 'test-pb', name: 'Test', nodes, edges, ...extra }
}

/**
 * A manual clock: timers fire only on `advance`. `delays` records every scheduled timer's delay.
 * @example const clock = manualClock(); clock.advance(1000)
 */
export function manualClock(start = 1_000_000) {
  let now = start
  let nextId = 1
  const timers = new Map<number, { at: number; fn: () => void }>()
  const delays: number[] = []
  return {
    delays,
    now: () => now,
    setTimeout(fn: () => void, ms: number): unknown {
      const id = nextId++
      delays.push(ms)
      timers.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout(handle: unknown) {
      timers.delete(handle as number)
    },
    /** Moves time forward, firing due timers in order (and letting promises settle between them). */
    async advance(ms: number) {
      const until = now + ms
      for (;;) {
        await flush()
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0]
        if (!due) break
        timers.delete(due[0])
        now = due[1].at
        due[1].fn()
      }
      now = until
      await flush()
    },
    pending: () => timers.size,
  }
}

/** Lets queued promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}
