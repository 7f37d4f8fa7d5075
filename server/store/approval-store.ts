import type { ApprovalStatus } from '../db/schema.ts'

/** One responder's decision on an approval. */
export interface ApprovalDecision {
  actor: string
  decision: 'approve' | 'reject'
  comment?: string
  at: number
}

/** An approval gate of a waiting run. */
export interface Approval {
  id: string
  runId: string
  nodeId: string
  status: ApprovalStatus
  request: unknown
  decisions: ApprovalDecision[]
  /** Approvals needed; a single rejection rejects. */
  required: number
  createdAt: number
  timeoutAt: number | null
  decidedAt: number | null
}

/** Approval requests, decisions with quorum, and timeouts that survive restarts. */
export interface ApprovalStore {
  create(input: {
    runId: string
    nodeId: string
    request: unknown
    required?: number
    timeoutAt?: number
  }): Promise<Approval>
  get(id: string): Promise<Approval | undefined>
  list(filter?: { status?: ApprovalStatus; runId?: string }): Promise<Approval[]>
  /**
   * Adds a decision. `NOT_FOUND` for an unknown id, `INVALID_STATE` when it is no longer pending,
   * `CONFLICT` when this actor already decided. `resolved` is true when this decision settled it.
   */
  decide(
    id: string,
    decision: Omit<ApprovalDecision, 'at'>,
  ): Promise<{ approval: Approval; resolved: boolean }>
  /** Marks every pending approval whose timeout has passed as `timed_out` and returns them. */
  expire(now: number): Promise<Approval[]>
  /**
   * Closes the run's pending approvals undecided (its run was cancelled or ended while they were
   * open), so they leave the inbox and can no longer be decided; returns them.
   */
  closeForRun(runId: string, status: Extract<ApprovalStatus, 'cancelled' | 'timed_out'>): Promise<Approval[]>
  /** The earliest pending timeout, for the timer to sleep until. */
  nextTimeout(): Promise<number | undefined>
}
