import type { CaseStatus } from '../../../../nodes/action/case-fields.ts'
import { statusMoves } from './case-edit.ts'

/**
 * The status moves the server allows from the current status, as buttons.
 * @example <StatusMoves status="new" busy={false} onMove={(to) => save({ status: to })} />
 */
export function StatusMoves({
  status,
  busy,
  onMove,
}: {
  status: CaseStatus
  busy: boolean
  onMove(to: CaseStatus): void
}) {
  return (
    <fieldset className="row status-moves" aria-label="Move the case" disabled={busy}>
      {statusMoves(status).map((m, i) => (
        <button
          key={m.to}
          type="button"
          className={i === 0 ? 'primary' : undefined}
          onClick={() => onMove(m.to)}
        >
          {m.label}
        </button>
      ))}
    </fieldset>
  )
}
