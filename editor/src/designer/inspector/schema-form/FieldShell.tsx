import type { ReactNode } from 'react'
import { describeFieldProblem, type FieldProblem } from '../field-problems.ts'

/** The ids a field's input points at with `aria-describedby`: its help text and its problems. */
export function describedBy(id: string, help: string | undefined, problems: readonly FieldProblem[]) {
  const ids = [help ? `${id}-help` : '', problems.length > 0 ? `${id}-problems` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

/**
 * The problems shown under a field (validation as you edit), announced to screen readers.
 * @example <FieldProblems id={`${id}-problems`} problems={problems} />
 */
export function FieldProblems({
  id,
  problems,
}: {
  id?: string | undefined
  problems: readonly FieldProblem[]
}) {
  if (problems.length === 0) return null
  return (
    <ul id={id} className="insp-problems" aria-live="polite">
      {problems.map((p, i) => (
        // Problems have no identity; their order is stable for one validation.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i} className={`insp-problem insp-problem-${p.severity}`}>
          {describeFieldProblem(p)}
        </li>
      ))}
    </ul>
  )
}

interface FieldShellProps {
  id: string
  label: string
  description?: string | undefined
  required?: boolean
  problems: readonly FieldProblem[]
  /** Renders the label after the control (checkboxes). */
  inline?: boolean
  children: ReactNode
}

/**
 * One field: its visible label, the control, the help text from the schema's description, and the
 * problems found at it.
 */
export function FieldShell({
  id,
  label,
  description,
  required,
  problems,
  inline,
  children,
}: FieldShellProps) {
  const labelEl = (
    <label htmlFor={id}>
      {label}
      {required ? (
        <span className="insp-required" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
  )
  return (
    <div
      className={`insp-field${inline ? ' insp-field-inline' : ''}${problems.length > 0 ? ' insp-has-problem' : ''}`}
    >
      {inline ? (
        <div className="insp-inline">
          {children}
          {labelEl}
        </div>
      ) : (
        <>
          {labelEl}
          {children}
        </>
      )}
      {description ? (
        <p id={`${id}-help`} className="insp-help">
          {description}
        </p>
      ) : null}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  )
}
