/** The worker pool that executes queued runs, and the run operations that need it. */
export { RunnerError, type RunnerErrorCode } from './errors.ts'
export { createRunner } from './runner.ts'
export type {
  DecideRequest,
  EnqueueRequest,
  RunEventSink,
  RunFinished,
  Runner,
  RunnerEngineDeps,
  RunnerOptions,
  RunnerStores,
} from './types.ts'
