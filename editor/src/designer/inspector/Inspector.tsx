import { useStore } from 'zustand'
import { useSession } from '../../app/session.ts'
import type { DesignerState, DesignerStore } from '../store/types.ts'
import { MultiSelection } from './MultiSelection.tsx'
import { NodeInspector } from './NodeInspector.tsx'
import { PlaybookForm } from './PlaybookForm.tsx'
import './inspector.css'

/** The one selected node that exists, if exactly one is selected. */
function selectedNode(s: DesignerState): string | undefined {
  const [id] = s.selection
  return s.selection.length === 1 && s.playbook.nodes.some((n) => n.id === id) ? id : undefined
}

/**
 * The designer's inspector: the selected node's form (params, settings, problems at their field),
 * the playbook's own fields when nothing is selected, a count for a multi-selection. Read-only
 * without `playbook.edit`. It subscribes to the selection only; each view subscribes to what it shows.
 * @example <Inspector store={store} playbookId={id} />
 */
export function Inspector({ store, playbookId }: { store: DesignerStore; playbookId: string }) {
  const selection = useStore(store, (s) => s.selection)
  const selected = useStore(store, selectedNode)
  const canEdit = useSession((s) => s.can('playbook.edit'))
  const content =
    selection.length > 1 ? (
      <MultiSelection
        count={selection.length}
        canEdit={canEdit}
        onDelete={() => store.getState().remove(selection)}
      />
    ) : selected !== undefined ? (
      <NodeInspector key={`${playbookId}:${selected}`} store={store} nodeId={selected} readOnly={!canEdit} />
    ) : (
      <PlaybookForm key={playbookId} store={store} />
    )
  return (
    <div className="inspector">
      {canEdit ? null : <p className="insp-readonly">Read-only: your role cannot edit playbooks.</p>}
      <fieldset className="insp-root" disabled={!canEdit}>
        {content}
      </fieldset>
    </div>
  )
}
