import { describeError, type PathProblem } from './describe-error.ts'

/**
 * A list of problems, each with its path, as validation and 422 answers report them.
 * @example <ProblemList problems={[{ path: 'request.url', message: 'required' }]} />
 */
export function ProblemList({ problems, label = 'Problems' }: { problems: PathProblem[]; label?: string }) {
  if (problems.length === 0) return null
  return (
    <ul aria-label={label}>
      {problems.map((p, i) => (
        // Problems have no identity of their own; their order is stable for one answer.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i}>
          {p.path ? <span className="problem-path">{p.path}</span> : null}
          {p.path ? ': ' : null}
          {p.message}
        </li>
      ))}
    </ul>
  )
}

/**
 * An error shown in place (role `alert`, so screen readers announce it), with every problem listed.
 * @example {error ? <ErrorNotice error={error} /> : null}
 */
export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  if (error === undefined || error === null) return null
  const { message, problems } = describeError(error)
  return (
    <div className="alert" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {message}
      <ProblemList problems={problems} />
    </div>
  )
}
