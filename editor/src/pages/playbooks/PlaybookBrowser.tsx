import { useMemo, useState } from 'react'
import { Link } from 'wouter'
import type { Schemas } from '../../api/client.ts'
import { formatAgo } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import { collectTags, filterPlaybooks, NO_FILTER, type PlaybookFilter } from './playbook-filter.ts'

type Summary = Schemas['PlaybookSummary'] & { description?: string }

function PlaybookRow({ p, now }: { p: Summary; now: number }) {
  return (
    <tr>
      <td>
        <Link href={`/playbooks/${encodeURIComponent(p.id)}`}>{p.name}</Link>
        <div className="muted mono">{p.id}</div>
        {p.description ? <div className="muted">{p.description}</div> : null}
      </td>
      <td>
        <StatusBadge
          status={p.status}
          label={p.latestVersion === null ? 'draft' : `published v${p.latestVersion}`}
        />
      </td>
      <td>
        {p.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </td>
      <td>
        {p.lastRun ? (
          <span className="row">
            <StatusBadge status={p.lastRun.status} />
            <Link href={`/runs/${encodeURIComponent(p.lastRun.id)}`}>
              {formatAgo(p.lastRun.queuedAt, now)}
            </Link>
          </span>
        ) : (
          <span className="muted">never run</span>
        )}
      </td>
      <td className="muted">
        {formatAgo(p.updatedAt, now)}
        {p.updatedBy ? ` by ${p.updatedBy}` : ''}
      </td>
    </tr>
  )
}

/**
 * The searchable playbook list: search over id, name, description and tags, a tag filter and a
 * draft/published filter, all applied as you type.
 * @example <PlaybookBrowser items={items} />
 */
export function PlaybookBrowser({ items, now = Date.now() }: { items: Summary[]; now?: number }) {
  const [filter, setFilter] = useState<PlaybookFilter>(NO_FILTER)
  const tags = useMemo(() => collectTags(items), [items])
  const shown = useMemo(() => filterPlaybooks(items, filter), [items, filter])
  const set = (patch: Partial<PlaybookFilter>) => setFilter((f) => ({ ...f, ...patch }))
  return (
    <>
      <search className="filters" aria-label="Playbook filters">
        <label>
          Search
          <input
            type="search"
            value={filter.search}
            placeholder="Name, id, description or tag"
            onChange={(e) => set({ search: e.target.value })}
          />
        </label>
        <label>
          Tag
          <select value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select
            value={filter.status}
            onChange={(e) => set({ status: e.target.value as PlaybookFilter['status'] })}
          >
            <option value="">Draft or published</option>
            <option value="draft">Draft only</option>
            <option value="published">Published</option>
          </select>
        </label>
        <span className="muted" role="status">
          {shown.length} of {items.length}
        </span>
      </search>
      {shown.length === 0 ? (
        <p className="empty">
          {items.length === 0 ? 'No playbooks yet: create one or import a file.' : 'No playbook matches.'}
        </p>
      ) : (
        <table className="list" aria-label="Playbooks">
          <thead>
            <tr>
              <th>Playbook</th>
              <th>State</th>
              <th>Tags</th>
              <th>Last run</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <PlaybookRow key={p.id} p={p} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
