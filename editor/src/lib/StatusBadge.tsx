import { isLive, statusLabel, toneOf } from './status.ts'

/**
 * A coloured pill for a run, step, approval or playbook status; live statuses pulse.
 * @example <StatusBadge status="running" />
 */
export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return (
    <span className="badge" data-tone={toneOf(status)} data-live={isLive(status)} data-status={status}>
      {label ?? statusLabel(status)}
    </span>
  )
}
