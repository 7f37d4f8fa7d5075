import { Eye, GitCompare } from 'lucide-react'
import { useState } from 'react'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { useSession } from '../../app/session.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { formatAgo, formatDateTime } from '../../lib/format-time.ts'
import { useLoad } from '../../lib/useLoad.ts'
import type { DesignerStore } from '../store/types.ts'
import { useDesigner } from '../store/use-designer.ts'
import { listVersions } from './run-api.ts'
import { type DiffSide, VersionDiff } from './VersionDiff.tsx'
import { VersionView } from './VersionView.tsx'
import './run.css'

const DRAFT = 'draft'

type Shown =
  | { kind: 'version'; version: number }
  | { kind: 'diff'; from: DiffSide; to: DiffSide; n: number }
  | undefined

/**
 * Version history of the open playbook: every published version (number, note, who, when), one
 * version opened read-only (and restored into the draft as one undo step), and two versions, or a
 * version and the current draft, compared on a canvas with a list of changes.
 * @example <HistoryPanel store={store} playbookId="phishing-triage" />
 */
export function HistoryPanel({ store, playbookId }: { store: DesignerStore; playbookId: string }) {
  const registry = useDesigner(store, (s) => s.registry)
  const canEdit = useSession((s) => s.can('playbook.edit'))
  const versions = useLoad(`versions:${playbookId}`, () => listVersions(playbookId))
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState(DRAFT)
  const [shown, setShown] = useState<Shown>()
  const fromValue = from || String(list[0]?.version ?? '')

  const side = (value: string, draft: Playbook): DiffSide =>
    value === DRAFT ? { draft } : { version: Number(value) }
  const compare = () =>
    setShown({
      kind: 'diff',
      from: side(fromValue, store.getState().playbook),
      to: side(to, store.getState().playbook),
      n: shown?.kind === 'diff' ? shown.n + 1 : 0,
    })
  const restore = (version: number) => (playbook: Playbook) => {
    store.getState().replace(playbook)
    store.getState().notify(`Version ${version} restored into the draft: save to keep it, or undo.`, 'info')
    setShown(undefined)
  }

  const options = [
    ...list.map((v) => (
      <option key={v.version} value={String(v.version)}>
        Version {v.version}
      </option>
    )),
    <option key={DRAFT} value={DRAFT}>
      Current draft
    </option>,
  ]
  return (
    <section className="history-panel stack" aria-label="Version history">
      <h2>Version history</h2>
      <ErrorNotice error={versions.error} title="Versions" />
      {versions.loading ? <p className="muted">Loading versions…</p> : null}
      {!versions.loading && list.length === 0 ? (
        <p className="muted">No published version yet: publish the draft to start its history.</p>
      ) : null}
      <ul className="history-list" aria-label="Versions">
        {list.map((v) => (
          <li key={v.version}>
            <strong>v{v.version}</strong>
            <span className="history-note" title={v.note}>
              {v.note || <span className="muted">(no note)</span>}
            </span>
            <span className="muted">{v.publishedBy ?? 'unknown'}</span>
            <time
              className="muted"
              dateTime={new Date(v.publishedAt).toISOString()}
              title={formatDateTime(v.publishedAt)}
            >
              {formatAgo(v.publishedAt)}
            </time>
            <button
              type="button"
              className="ghost"
              aria-label={`Open version ${v.version}`}
              onClick={() => setShown({ kind: 'version', version: v.version })}
            >
              <Eye size={14} aria-hidden="true" />
              Open
            </button>
          </li>
        ))}
      </ul>
      {list.length > 0 ? (
        <div className="row">
          <label>
            Compare
            <select value={fromValue} onChange={(e) => setFrom(e.target.value)}>
              {options}
            </select>
          </label>
          <label>
            with
            <select value={to} onChange={(e) => setTo(e.target.value)}>
              {options}
            </select>
          </label>
          <button type="button" disabled={fromValue === to} onClick={compare}>
            <GitCompare size={14} aria-hidden="true" />
            Show changes
          </button>
        </div>
      ) : null}
      {shown?.kind === 'version' ? (
        <VersionView
          key={shown.version}
          playbookId={playbookId}
          version={shown.version}
          registry={registry}
          {...(canEdit ? { onRestore: restore(shown.version) } : {})}
          onClose={() => setShown(undefined)}
        />
      ) : null}
      {shown?.kind === 'diff' ? (
        <VersionDiff
          key={shown.n}
          playbookId={playbookId}
          from={shown.from}
          to={shown.to}
          registry={registry}
          onClose={() => setShown(undefined)}
        />
      ) : null}
    </section>
  )
}
