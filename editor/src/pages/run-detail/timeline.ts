/** A step as the run detail gets it (`RunStep`). */
export interface StepLike {
  nodeId: string
  attempt: number
  status: string
  startedAt: number | null
  finishedAt: number | null
}

/** One row of the timeline: the step and where its bar sits, as fractions of the run's span. */
export interface TimelineRow<S extends StepLike> {
  key: string
  step: S
  durationMs: number | undefined
  /** 0..1 from the run's start. */
  offset: number
  /** 0..1 of the run's span; 0 for a step that never started. */
  width: number
}

const clamp = (x: number) => Math.min(1, Math.max(0, x))

/**
 * Lays the steps out on the run's time axis, in start order (steps that never started, e.g. skipped,
 * come last in their recorded order). A step still running extends to `now`.
 * @example timelineRows(steps, run.startedAt, run.finishedAt, Date.now())
 */
export function timelineRows<S extends StepLike>(
  steps: readonly S[],
  runStart: number | null,
  runEnd: number | null,
  now: number,
): TimelineRow<S>[] {
  const started = steps.filter((s) => s.startedAt !== null)
  const start = runStart ?? Math.min(...started.map((s) => s.startedAt as number), now)
  const lastEnd = Math.max(start, ...started.map((s) => s.finishedAt ?? now))
  const end = runEnd ?? lastEnd
  const span = Math.max(1, Math.max(end, lastEnd) - start)
  const ordered = steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => {
      const x = a.step.startedAt ?? Number.POSITIVE_INFINITY
      const y = b.step.startedAt ?? Number.POSITIVE_INFINITY
      return x === y ? a.index - b.index : x - y
    })
  return ordered.map(({ step, index }) => {
    const key = `${step.nodeId}#${step.attempt}#${index}`
    if (step.startedAt === null) return { key, step, durationMs: undefined, offset: 0, width: 0 }
    const stop = step.finishedAt ?? now
    const durationMs = Math.max(0, stop - step.startedAt)
    return {
      key,
      step,
      durationMs,
      offset: clamp((step.startedAt - start) / span),
      width: clamp(durationMs / span),
    }
  })
}

/**
 * The node a retry should start from: the node the run failed at, else the last failed step's node.
 * @example retryNode({ error: { nodeId: 'vt' } }, steps) // 'vt'
 */
export function failedNode(
  run: { error?: { nodeId?: string } },
  steps: readonly StepLike[],
): string | undefined {
  if (run.error?.nodeId) return run.error.nodeId
  return steps.findLast((s) => s.status === 'failed')?.nodeId
}
