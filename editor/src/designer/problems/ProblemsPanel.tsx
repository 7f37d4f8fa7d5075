import './problems.css'
import { ChevronDown, ChevronUp, CircleX, TriangleAlert } from 'lucide-react'
import { useState } from 'react'
import type { ApiProblem } from '../../api/client.ts'
import { useFocusNode } from '../canvas/use-focus-node.ts'
import type { DesignerStore } from '../store/types.ts'
import { useDesigner } from '../store/use-designer.ts'
import { problemKeys } from './problem-keys.ts'

/** Problems from outside the store: the server's answer to a save, or a file that failed to import. */
export interface ExternalProblems {
  /** Says where they come from, e.g. "The server refused the save". */
  title: string
  problems: ApiProblem[]
}

function ProblemRow({ problem, onFocus }: { problem: ApiProblem; onFocus: (id: string) => void }) {
  const error = problem.severity !== 'warning'
  const Icon = error ? CircleX : TriangleAlert
  const content = (
    <>
      <Icon size={14} className="problem__icon" aria-label={error ? 'error' : 'warning'} />
      <span className="problem__code mono">{problem.code}</span>
      <span className="problem__message">{problem.message}</span>
      {problem.nodeId !== undefined && <span className="problem__node mono">{problem.nodeId}</span>}
      {problem.path !== undefined && <span className="problem__path mono">{problem.path}</span>}
    </>
  )
  const nodeId = problem.nodeId
  return (
    <li className="problem" data-severity={error ? 'error' : 'warning'}>
      {nodeId !== undefined ? (
        <button type="button" className="problem__button" onClick={() => onFocus(nodeId)}>
          {content}
        </button>
      ) : (
        <div className="problem__button">{content}</div>
      )}
    </li>
  )
}

/**
 * Every problem of the playbook (validated as you edit) and any problems the server or an import
 * reported: severity, code, message, node id and path. A click selects and centres the node.
 * @example <ProblemsPanel store={store} external={{ title: 'The server refused the save', problems }} />
 */
export function ProblemsPanel({
  store,
  external,
}: {
  store: DesignerStore
  external?: ExternalProblems | null
}) {
  const problems = useDesigner(store, (s) => s.problems)
  const focus = useFocusNode(store)
  const [open, setOpen] = useState(true)
  const all = [...(external?.problems ?? []), ...problems]
  const errors = all.filter((p) => p.severity !== 'warning').length
  const warnings = all.length - errors
  return (
    <section
      className="problems-panel"
      aria-label="Problems"
      data-open={(open && all.length > 0) || undefined}
    >
      <header className="problems-panel__header">
        <button
          type="button"
          className="ghost"
          aria-expanded={open}
          aria-controls="problems-list"
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDown size={14} aria-hidden="true" /> : <ChevronUp size={14} aria-hidden="true" />}
          Problems
        </button>
        <span className="problems-panel__counts" data-testid="problem-counts">
          {all.length === 0
            ? 'No problems'
            : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
        </span>
      </header>
      {open && (
        <div className="problems-panel__body" id="problems-list">
          {external && external.problems.length > 0 && (
            <>
              <h4 className="problems-panel__source">{external.title}</h4>
              <ul>
                {problemKeys(external.problems).map((key, i) => (
                  <ProblemRow key={key} problem={external.problems[i]!} onFocus={focus} />
                ))}
              </ul>
            </>
          )}
          {problems.length > 0 && (
            <ul>
              {problemKeys(problems).map((key, i) => (
                <ProblemRow key={key} problem={problems[i]!} onFocus={focus} />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}
