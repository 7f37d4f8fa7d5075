import type { Change } from './diff.ts'

const KIND = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const

/** One change in words, e.g. "Changed node approve_block: name, params.required". */
export function describeChange(change: Change): string {
  if (change.what === 'layout') return `Moved (layout only): ${change.id}`
  const fields = change.fields?.length ? `: ${change.fields.join(', ')}` : ''
  return `${KIND[change.kind]} ${change.what} ${change.id}${fields}`
}

/**
 * The list of changes beside a diff canvas, coloured by kind.
 * @example <ChangeList changes={diff.changes} />
 */
export function ChangeList({ changes }: { changes: readonly Change[] }) {
  if (changes.length === 0) return <p className="muted">No differences.</p>
  return (
    <ul className="diff-list" aria-label="Changes">
      {changes.map((c) => (
        <li key={`${c.what}:${c.kind}:${c.id}`} data-kind={c.kind}>
          {describeChange(c)}
        </li>
      ))}
    </ul>
  )
}
