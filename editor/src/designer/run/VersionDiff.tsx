import { X } from 'lucide-react'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { useLoad } from '../../lib/useLoad.ts'
import { PlaybookCanvas } from '../canvas/PlaybookCanvas.tsx'
import { ChangeList } from './ChangeList.tsx'
import { diffPlaybooks } from './diff.ts'
import { loadPlaybook } from './load-playbook.ts'
import { useReadOnlyStore } from './use-read-only-store.ts'

/** One side of a comparison: a published version, or the draft as it is in the designer. */
export type DiffSide = { version: number } | { draft: Playbook }

/** A side in words: "version 3" or "the current draft". */
export function sideLabel(side: DiffSide): string {
  return 'version' in side ? `version ${side.version}` : 'the current draft'
}

/**
 * Two versions compared on a read-only canvas: added, removed and changed nodes highlighted (removed
 * ones drawn where they were), and the list of every change.
 * @example <VersionDiff playbookId="p" from={{ version: 1 }} to={{ draft }} registry={registry} onClose={close} />
 */
export function VersionDiff({
  playbookId,
  from,
  to,
  registry,
  onClose,
}: {
  playbookId: string
  from: DiffSide
  to: DiffSide
  registry: NodeRegistry
  onClose(): void
}) {
  const load = (side: DiffSide) =>
    'version' in side ? loadPlaybook(playbookId, side.version, registry) : Promise.resolve(side.draft)
  const key = `${playbookId}:${sideLabel(from)}:${sideLabel(to)}`
  const diff = useLoad(key, async () => {
    const [before, after] = await Promise.all([load(from), load(to)])
    return diffPlaybooks(before, after)
  })
  const store = useReadOnlyStore(diff.data?.union, registry)
  const title = `Changes from ${sideLabel(from)} to ${sideLabel(to)}`
  return (
    <section className="stack" aria-label={title}>
      <div className="row">
        <h3>{title}</h3>
        <button type="button" className="ghost" onClick={onClose}>
          <X size={14} aria-hidden="true" />
          Close comparison
        </button>
      </div>
      <ErrorNotice error={diff.error} title="Comparison" />
      {diff.data && store ? (
        <>
          <div className="run-graph-canvas">
            <PlaybookCanvas store={store} readOnly diff={diff.data.nodes} />
          </div>
          <ChangeList changes={diff.data.changes} />
        </>
      ) : diff.loading ? (
        <p className="muted">Comparing…</p>
      ) : null}
    </section>
  )
}
