import type { Playbook } from '../format/schema.ts'
import { type Json, type NodeContext, NodeError, type SubRunResult } from '../node-type.ts'
import { DEFAULT_LIMITS, defaultIds, systemClock } from './defaults.ts'
import { SecretSet } from './events.ts'
import { planOf } from './plan.ts'
import type { EngineEnv, RunHandle, RunOptions } from './run-env.ts'
import { Run } from './scheduler.ts'
import { assertResumable, createRunState } from './state.ts'
import { computeOutputs, validateInputs } from './sub-playbook.ts'
import type { EngineDeps, RunEvent, RunResult, RunState, StartOptions } from './types.ts'

/** Options for continuing a persisted run (`resume`, `recover`). */
export interface ContinueOptions {
  signal?: AbortSignal
  onEvent?: (event: RunEvent) => void
  /** Called after every state change with the live state (serialize it before the next await). */
  onCheckpoint?: (state: RunState) => void
}

/** The engine: runs playbooks, resumes suspended runs and recovers runs interrupted by a crash. */
export interface Engine {
  /** Runs a playbook to its end or until it waits (mode defaults to `production`). */
  start(playbook: Playbook, opts?: StartOptions): Promise<RunResult>
  /** Completes a waiting node with `value` and continues; throws if the run or node is not waiting. */
  resume(state: RunState, nodeId: string, value: unknown, opts?: ContinueOptions): Promise<RunResult>
  /**
   * Continues a run persisted mid-flight: running side-effecting nodes fail with `INTERRUPTED`
   * (never silently repeated), running side-effect-free nodes run again.
   */
  recover(state: RunState, opts?: ContinueOptions): Promise<RunResult>
}

/**
 * Creates an engine over injected dependencies. The state passed to `resume`/`recover` is copied,
 * never mutated.
 * @example const engine = createEngine({ registry }); const { status } = await engine.start(playbook, { mode: 'test' })
 */
export function createEngine(deps: EngineDeps): Engine {
  const env: EngineEnv = {
    registry: deps.registry,
    clock: deps.clock ?? systemClock,
    ids: deps.ids ?? defaultIds,
    evaluator: deps.evaluator,
    scripts: deps.scripts,
    http: deps.http,
    mail: deps.mail,
    cases: deps.cases,
    secrets: deps.secrets,
    playbooks: deps.playbooks,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    callPlaybook,
    computeOutputs: (run) => computeOutputs(run.state.playbook, run.scope, env.evaluator),
  }

  function launch(state: RunState, opts: RunOptions, prepare: (run: Run) => void, resumed: boolean) {
    const run = new Run(env, state, opts)
    run.begin(resumed)
    if (!run.done) {
      prepare(run)
      run.pump()
    }
    return run.result
  }

  function runOptions(opts: ContinueOptions | StartOptions | undefined): RunOptions {
    return {
      signal: opts?.signal,
      onEvent: opts?.onEvent,
      onCheckpoint: opts?.onCheckpoint,
      depth: 0,
      secrets: new SecretSet(),
    }
  }

  async function callPlaybook(
    parent: RunHandle,
    ctx: NodeContext,
    ref: { id: string; version?: number },
    inputs: Record<string, unknown>,
    item?: Json,
  ): Promise<SubRunResult> {
    const depth = parent.opts.depth + 1
    if (depth > env.limits.maxCallDepth)
      throw new NodeError(
        'CALL_DEPTH',
        `sub-playbook calls nest deeper than ${env.limits.maxCallDepth} levels`,
        {
          retryable: false,
        },
      )
    if (!env.playbooks)
      throw new NodeError('PLAYBOOK_NOT_FOUND', 'no playbook loader is configured', { retryable: false })
    const child = await env.playbooks.load(ref.id, ref.version)
    if (!child)
      throw new NodeError(
        'PLAYBOOK_NOT_FOUND',
        `playbook "${ref.id}"${ref.version === undefined ? '' : ` version ${ref.version}`} was not found`,
        { retryable: false },
      )
    const valid = validateInputs(child, inputs)
    const state = createRunState(child, {
      runId: env.ids(),
      mode: parent.state.mode,
      simulate: parent.state.simulate && { external: parent.state.simulate.external },
      trigger: valid,
      inputs: valid,
      item,
      now: env.clock.now(),
    })
    const opts: RunOptions = { signal: ctx.signal, depth, secrets: parent.opts.secrets }
    const result = await launch(state, opts, (run) => run.seedFresh(), false)
    if (result.status === 'waiting')
      return {
        status: 'failed',
        outputs: {},
        error: {
          code: 'SUBPLAYBOOK_WAITING',
          message: `playbook "${child.id}" waits for input: sub-playbooks cannot suspend`,
        },
      }
    if (result.status === 'running') throw new Error('a sub-run returned while running')
    const contained = Object.values(result.state.nodes).some((n) => n.contained === true)
    return {
      status: result.status,
      outputs: result.outputs ?? {},
      ...(result.error ? { error: result.error } : {}),
      ...(contained ? { contained } : {}),
    }
  }

  return {
    start(playbook, opts = {}) {
      let inputs: Record<string, Json> | undefined
      let inputError: NodeError | undefined
      try {
        if (opts.inputs !== undefined) inputs = validateInputs(playbook, opts.inputs ?? {})
      } catch (err) {
        inputError = err as NodeError
      }
      const state = createRunState(playbook, {
        runId: opts.runId ?? env.ids(),
        mode: opts.mode ?? 'production',
        simulate: opts.simulate,
        trigger: opts.trigger ?? inputs ?? null,
        vars: opts.vars,
        inputs,
        now: env.clock.now(),
      })
      return launch(
        state,
        runOptions(opts),
        (run) =>
          inputError
            ? run.finish('failed', { code: inputError.code, message: inputError.message })
            : run.seedFresh(),
        false,
      )
    },

    resume(state, nodeId, value, opts) {
      try {
        assertResumable(state, nodeId)
      } catch (err) {
        return Promise.reject(err)
      }
      const copy = structuredClone(state)
      const idx = planOf(copy.playbook).index.get(nodeId)!
      return launch(
        copy,
        runOptions(opts),
        (run) => {
          run.rebuild()
          run.resumeNode(idx, value)
        },
        true,
      )
    },

    recover(state, opts) {
      const copy = structuredClone(state)
      if (copy.status !== 'running' && copy.status !== 'waiting')
        return Promise.resolve({
          status: copy.status,
          state: copy,
          ...(copy.outputs ? { outputs: copy.outputs } : {}),
          ...(copy.error ? { error: copy.error } : {}),
        })
      const plan = planOf(copy.playbook)
      const interrupted: number[] = []
      plan.nodes.forEach((node, i) => {
        const s = copy.nodes[node.id]
        if (s?.status !== 'running') return
        const type = env.registry.get(node.type, node.version)
        if (!type || type.sideEffects) interrupted.push(i)
        else s.status = 'pending'
      })
      return launch(
        copy,
        runOptions(opts),
        (run) => {
          run.rebuild()
          for (const i of interrupted) run.interrupt(i)
        },
        true,
      )
    },
  }
}
