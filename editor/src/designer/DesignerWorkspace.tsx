import './designer.css'
import { ReactFlowProvider } from '@xyflow/react'
import { useState } from 'react'
import type { Playbook } from '../../../runtime/format/schema.ts'
import { useSession } from '../app/session.ts'
import type { Catalog } from '../lib/catalog.ts'
import { PlaybookCanvas } from './canvas/PlaybookCanvas.tsx'
import { LeaveGuard } from './LeaveGuard.tsx'
import { Palette } from './palette/Palette.tsx'
import { ProblemsPanel } from './problems/ProblemsPanel.tsx'
import { type PanelId, SidePanel } from './SidePanel.tsx'
import { ShortcutHelp } from './shortcuts/ShortcutHelp.tsx'
import { useShortcuts } from './shortcuts/use-shortcuts.ts'
import { StatusLine } from './status/StatusLine.tsx'
import { createDesignerStore } from './store/createDesignerStore.ts'
import type { DesignerStore } from './store/types.ts'
import { useDesigner } from './store/use-designer.ts'
import { PublishDialog } from './toolbar/PublishDialog.tsx'
import { Toolbar } from './toolbar/Toolbar.tsx'
import { useEditorActions } from './toolbar/use-editor-actions.ts'
import { useUnsavedWarning } from './use-unsaved-warning.ts'

/**
 * The designer of one open playbook: toolbar, palette | canvas | side panel, problems and the status
 * line. Owns the playbook's store; mount it with `key={playbookId}` so another playbook gets a new one.
 * @example <DesignerWorkspace key={id} playbookId={id} playbook={draft} catalog={catalog} />
 */
export function DesignerWorkspace(props: { playbookId: string; playbook: Playbook; catalog: Catalog }) {
  const [store] = useState(() =>
    createDesignerStore({ playbook: props.playbook, registry: props.catalog.registry }),
  )
  return (
    <ReactFlowProvider>
      <Workspace store={store} playbookId={props.playbookId} catalog={props.catalog} />
    </ReactFlowProvider>
  )
}

function Workspace({
  store,
  playbookId,
  catalog,
}: {
  store: DesignerStore
  playbookId: string
  catalog: Catalog
}) {
  useSession((s) => s.me)
  const can = useSession((s) => s.can)
  const canEdit = can('playbook.edit')
  const actions = useEditorActions(store, playbookId, canEdit)
  const [panel, setPanel] = useState<PanelId>('inspector')
  const [dialog, setDialog] = useState<'help' | 'publish' | null>(null)
  const dirty = useDesigner(store, (s) => s.dirty)
  useUnsavedWarning(store)

  useShortcuts(
    {
      save: () => void actions.save(),
      undo: actions.undo,
      redo: actions.redo,
      duplicate: actions.duplicate,
      selectAll: actions.selectAll,
      autoLayout: actions.autoLayout,
      zoomToFit: actions.zoomToFit,
      addNote: actions.addNote,
      help: () => setDialog('help'),
      escape: () => (dialog ? setDialog(null) : store.getState().select([])),
    },
    { copy: actions.copy, cut: actions.cut, paste: actions.paste },
  )

  return (
    <div className="designer" data-readonly={!canEdit || undefined}>
      <Toolbar
        store={store}
        actions={actions}
        canEdit={canEdit}
        canPublish={can('playbook.publish')}
        onPublish={() => setDialog('publish')}
        onHelp={() => setDialog('help')}
        onPanel={setPanel}
      />
      {canEdit && catalog.broken.length > 0 && (
        <p className="designer__warning" role="note">
          {catalog.broken.length} template{catalog.broken.length === 1 ? '' : 's'} could not be loaded:{' '}
          {catalog.broken.map((b) => `${b.id}@${b.version} (${b.message})`).join('; ')}
        </p>
      )}
      <div className="designer__main">
        {canEdit && <Palette store={store} types={catalog.palette} />}
        <div className="designer__centre">
          <PlaybookCanvas store={store} readOnly={!canEdit} />
          <StatusLine store={store} />
        </div>
        <SidePanel store={store} playbookId={playbookId} panel={panel} onPanel={setPanel} />
      </div>
      <ProblemsPanel store={store} external={actions.external} />
      {canEdit && <LeaveGuard store={store} save={actions.save} />}
      {dialog === 'help' && <ShortcutHelp onClose={() => setDialog(null)} />}
      {dialog === 'publish' && (
        <PublishDialog dirty={dirty} onPublish={actions.publish} onClose={() => setDialog(null)} />
      )}
    </div>
  )
}
