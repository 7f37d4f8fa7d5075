import { z } from 'zod'
import type { Engine } from '../engine/engine.ts'
import type { NodeStatus, RunEvent, RunResult, SimulateOptions } from '../engine/types.ts'
import type { Playbook } from '../format/schema.ts'

/**
 * Playbook tests: a JSON file of cases kept next to a playbook in git and run by `bulwark test` and
 * by CI. Each case gives a trigger event, optional decisions for waiting nodes, and what must hold
 * at the end: run status, node states, outputs (a partial match), the failing error code.
 * Runs use test mode, so side-effecting nodes return their sample response.
 */

const nodeStatus = z.enum(['succeeded', 'failed', 'skipped', 'waiting', 'cancelled', 'pending'])

export const testCaseSchema = z
  .object({
    name: z.string().min(1).max(200),
    /** The trigger event inline, or a path (relative to the test file) to a JSON file. */
    event: z.unknown().optional(),
    eventFile: z.string().max(500).optional(),
    vars: z.record(z.string(), z.unknown()).optional(),
    /** Answer external lookups (threat intel, asset data) from their sample responses. */
    simulateExternal: z.boolean().optional(),
    /** Node id → the simulated response it returns instead of running (and the port it fires). */
    mocks: z
      .record(
        z.string(),
        z
          .object({ output: z.unknown(), port: z.union([z.string(), z.array(z.string())]).optional() })
          .strict(),
      )
      .optional(),
    /** Decisions given, in order, to nodes that wait (approvals, external input). */
    resume: z
      .array(z.object({ node: z.string(), value: z.unknown() }).strict())
      .max(50)
      .optional(),
    expect: z
      .object({
        status: z.enum(['succeeded', 'failed', 'cancelled', 'timed_out', 'waiting']).optional(),
        nodes: z.record(z.string(), nodeStatus).optional(),
        outputs: z.record(z.string(), z.unknown()).optional(),
        error: z.string().optional(),
        /** Node id → ports it must have fired. */
        ports: z.record(z.string(), z.array(z.string())).optional(),
      })
      .strict(),
  })
  .strict()

export const testFileSchema = z
  .object({
    $schema: z.string().optional(),
    playbook: z.string().min(1),
    cases: z.array(testCaseSchema).min(1).max(500),
  })
  .strict()

export type PlaybookTestCase = z.infer<typeof testCaseSchema>
export type PlaybookTestFile = z.infer<typeof testFileSchema>

export interface CaseResult {
  name: string
  passed: boolean
  failures: string[]
  status: RunResult['status']
  events: RunEvent[]
}

/** True if `actual` contains everything in `expected` (objects recursively; arrays and scalars exactly). */
export function matchesPartially(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return Object.is(actual, expected)
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matchesPartially(actual[i], e))
    )
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false
  return Object.entries(expected).every(([k, v]) =>
    matchesPartially(Object.hasOwn(actual, k) ? (actual as Record<string, unknown>)[k] : undefined, v),
  )
}

function checkExpectations(tc: PlaybookTestCase, result: RunResult): string[] {
  const failures: string[] = []
  const exp = tc.expect
  if (exp.status && result.status !== exp.status) {
    const why = result.error ? ` (${result.error.code}: ${result.error.message})` : ''
    failures.push(`run ended ${result.status}${why}, expected ${exp.status}`)
  }
  for (const [id, status] of Object.entries(exp.nodes ?? {})) {
    const ns = result.state.nodes[id]
    if (!ns) failures.push(`node "${id}" is not in the playbook`)
    else if (ns.status !== (status as NodeStatus))
      failures.push(`node "${id}" ended ${ns.status}, expected ${status}`)
  }
  for (const [id, ports] of Object.entries(exp.ports ?? {})) {
    const fired = result.state.nodes[id]?.ports ?? []
    if (!matchesPartially([...fired].sort(), [...ports].sort()))
      failures.push(`node "${id}" fired [${fired.join(', ')}], expected [${ports.join(', ')}]`)
  }
  if (exp.outputs && !matchesPartially(result.outputs ?? {}, exp.outputs)) {
    failures.push(
      `outputs ${JSON.stringify(result.outputs ?? {})} do not match ${JSON.stringify(exp.outputs)}`,
    )
  }
  if (exp.error && result.error?.code !== exp.error) {
    failures.push(`error ${result.error?.code ?? 'none'}, expected ${exp.error}`)
  }
  return failures
}

/**
 * Runs one case in test mode: start, then each `resume` decision in order, then the checks.
 * @example await runTestCase(engine, playbook, { name: 'ok', event: {}, expect: { status: 'succeeded' } }, {})
 */
export async function runTestCase(
  engine: Engine,
  playbook: Playbook,
  tc: PlaybookTestCase,
  event: unknown,
): Promise<CaseResult> {
  const events: RunEvent[] = []
  const onEvent = (e: RunEvent) => events.push(e)
  const simulate = {
    external: tc.simulateExternal ?? false,
    mocks: (tc.mocks ?? {}) as SimulateOptions['mocks'],
  }
  for (const id of Object.keys(tc.mocks ?? {})) {
    if (!playbook.nodes.some((node) => node.id === id)) {
      return {
        name: tc.name,
        passed: false,
        failures: [`mock for unknown node "${id}"`],
        status: 'failed',
        events,
      }
    }
  }
  let result = await engine.start(playbook, {
    trigger: event,
    mode: 'test',
    vars: tc.vars,
    simulate,
    onEvent,
  })
  const failures: string[] = []
  for (const step of tc.resume ?? []) {
    if (result.status !== 'waiting' || result.state.nodes[step.node]?.status !== 'waiting') {
      failures.push(`expected node "${step.node}" to be waiting before resuming it, run is ${result.status}`)
      break
    }
    result = await engine.resume(result.state, step.node, step.value, { onEvent })
  }
  failures.push(...checkExpectations(tc, result))
  return { name: tc.name, passed: failures.length === 0, failures, status: result.status, events }
}
