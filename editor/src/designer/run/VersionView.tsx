import { RotateCcw, X } from 'lucide-react'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { PlaybookCanvas } from '../canvas/PlaybookCanvas.tsx'
import { loadPlaybook } from './load-playbook.ts'
import { useReadOnlyStore } from './use-read-only-store.ts'

/**
 * One published version, read-only, with "Restore into draft" for users who may edit.
 * @example <VersionView playbookId="p" version={2} registry={registry} onRestore={restore} onClose={close} />
 */
export function VersionView({
  playbookId,
  version,
  registry,
  onRestore,
  onClose,
}: {
  playbookId: string
  version: number
  registry: NodeRegistry
  onRestore?: (playbook: Playbook) => void
  onClose(): void
}) {
  const loaded = useLoad(`${playbookId}@${version}`, () => loadPlaybook(playbookId, version, registry))
  const store = useReadOnlyStore(loaded.data, registry)
  return (
    <section className="stack" aria-label={`Version ${version}`}>
      <div className="row">
        <h3>Version {version} (read-only)</h3>
        {onRestore && loaded.data ? (
          <button type="button" onClick={() => loaded.data && onRestore(loaded.data)}>
            <RotateCcw size={14} aria-hidden="true" />
            Restore into draft
          </button>
        ) : null}
        <button type="button" className="ghost" onClick={onClose}>
          <X size={14} aria-hidden="true" />
          Close version
        </button>
      </div>
      <ErrorNotice error={loaded.error} title={`Version ${version}`} />
      {store ? (
        <div className="run-graph-canvas">
          <PlaybookCanvas store={store} readOnly />
        </div>
      ) : loaded.loading ? (
        <p className="muted">Loading version {version}…</p>
      ) : null}
    </section>
  )
}
