import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { TemplateGroup } from './template-groups.ts'

/**
 * The templates, each a button that selects it: id, title, category, newest version, built-in or
 * deprecated marks.
 * @example <TemplateList groups={groups} selected={id} onSelect={setId} />
 */
export function TemplateList({
  groups,
  selected,
  onSelect,
}: {
  groups: readonly TemplateGroup[]
  selected: string | undefined
  onSelect(id: string): void
}) {
  if (groups.length === 0) return <p className="empty">No template yet.</p>
  return (
    <ul className="stack template-list" aria-label="Templates">
      {groups.map((g) => {
        const newest = g.versions.at(-1)
        const allDeprecated = g.versions.every((v) => v.deprecated)
        return (
          <li key={g.id}>
            <button
              type="button"
              className="card template-item"
              aria-current={selected === g.id ? 'true' : undefined}
              aria-label={`${g.title} (${g.id})`}
              onClick={() => onSelect(g.id)}
            >
              <strong>{g.title}</strong>
              <span className="mono muted">{g.id}</span>
              <span className="row">
                <span className="tag">{g.category}</span>
                <span className="muted">
                  v{newest?.version} · {g.versions.length} version{g.versions.length === 1 ? '' : 's'}
                </span>
                {g.builtIn ? <span className="tag">built-in</span> : null}
                {allDeprecated ? <StatusBadge status="cancelled" label="deprecated" /> : null}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
