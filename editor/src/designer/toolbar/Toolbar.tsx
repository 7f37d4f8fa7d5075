import './toolbar.css'
import {
  ClipboardPaste,
  Copy,
  CopyPlus,
  Download,
  History,
  Keyboard,
  LayoutGrid,
  type LucideIcon,
  Maximize,
  Play,
  Redo2,
  Rocket,
  Save,
  StickyNote,
  Trash2,
  Undo2,
  Upload,
} from 'lucide-react'
import { useRef } from 'react'
import type { DesignerStore } from '../store/types.ts'
import { useDesigner } from '../store/use-designer.ts'
import type { EditorActions } from './use-editor-actions.ts'

/** An icon button whose accessible name is its label (shown as a tooltip with the shortcut). */
function ToolButton(props: {
  icon: LucideIcon
  label: string
  shortcut?: string
  onClick(): void
  disabled?: boolean
  text?: boolean
  className?: string
}) {
  const { icon: Icon, label, shortcut } = props
  return (
    <button
      type="button"
      className={props.className ?? 'ghost'}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon size={16} aria-hidden="true" />
      {props.text && <span>{label}</span>}
    </button>
  )
}

export interface ToolbarProps {
  store: DesignerStore
  actions: EditorActions
  canEdit: boolean
  canPublish: boolean
  onPublish(): void
  onHelp(): void
  /** Opens the run or history panel on the right. */
  onPanel(panel: 'run' | 'history'): void
}

/**
 * The designer's toolbar: save and publish, undo/redo, clipboard, notes, layout and view, import and
 * export, the shortcut help, and the Run and History panels. Editing buttons are disabled for roles
 * that cannot edit.
 */
export function Toolbar({ store, actions, canEdit, canPublish, onPublish, onHelp, onPanel }: ToolbarProps) {
  const { name, dirty, canUndo, canRedo, hasSelection } = useDesigner(store, (s) => ({
    name: s.playbook.name,
    dirty: s.dirty,
    canUndo: s.canUndo,
    canRedo: s.canRedo,
    hasSelection: s.selection.length > 0,
  }))
  const file = useRef<HTMLInputElement>(null)
  const ro = !canEdit
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer">
      <h1 className="designer-toolbar__name" title={name}>
        {name}
      </h1>
      <span className="designer-toolbar__state" data-dirty={dirty || undefined} aria-live="polite">
        {ro ? 'Read only' : dirty ? 'Unsaved changes' : 'Saved'}
      </span>
      <div className="designer-toolbar__group">
        <ToolButton
          icon={Save}
          label={actions.saving ? 'Saving…' : 'Save'}
          shortcut="Ctrl+S"
          text
          className={dirty ? 'primary' : undefined}
          disabled={ro || actions.saving}
          onClick={() => void actions.save()}
        />
        <ToolButton
          icon={Rocket}
          label="Publish"
          text
          className=""
          disabled={!canPublish}
          onClick={onPublish}
        />
      </div>
      <div className="designer-toolbar__group">
        <ToolButton
          icon={Undo2}
          label="Undo"
          shortcut="Ctrl+Z"
          disabled={ro || !canUndo}
          onClick={actions.undo}
        />
        <ToolButton
          icon={Redo2}
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          disabled={ro || !canRedo}
          onClick={actions.redo}
        />
      </div>
      <div className="designer-toolbar__group">
        <ToolButton
          icon={Copy}
          label="Copy"
          shortcut="Ctrl+C"
          disabled={!hasSelection}
          onClick={() => void actions.copyToClipboard()}
        />
        <ToolButton
          icon={ClipboardPaste}
          label="Paste"
          shortcut="Ctrl+V"
          disabled={ro}
          onClick={() => void actions.pasteFromClipboard()}
        />
        <ToolButton
          icon={CopyPlus}
          label="Duplicate"
          shortcut="Ctrl+D"
          disabled={ro || !hasSelection}
          onClick={actions.duplicate}
        />
        <ToolButton
          icon={Trash2}
          label="Delete"
          shortcut="Delete"
          disabled={ro}
          onClick={actions.deleteSelection}
        />
        <ToolButton
          icon={StickyNote}
          label="Add note"
          shortcut="Shift+N"
          disabled={ro}
          onClick={actions.addNote}
        />
      </div>
      <div className="designer-toolbar__group">
        <ToolButton
          icon={LayoutGrid}
          label="Auto-layout"
          shortcut="Shift+L"
          disabled={ro}
          onClick={actions.autoLayout}
        />
        <ToolButton icon={Maximize} label="Zoom to fit" shortcut="Shift+1" onClick={actions.zoomToFit} />
      </div>
      <div className="designer-toolbar__group">
        <ToolButton icon={Upload} label="Import" disabled={ro} onClick={() => file.current?.click()} />
        <input
          ref={file}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Playbook file to import"
          onChange={async (e) => {
            const chosen = e.target.files?.[0]
            e.target.value = ''
            if (chosen) actions.importText(await chosen.text(), chosen.name)
          }}
        />
        <ToolButton icon={Download} label="Export" onClick={actions.exportFile} />
        <ToolButton icon={Keyboard} label="Keyboard shortcuts" shortcut="?" onClick={onHelp} />
      </div>
      <div className="designer-toolbar__group designer-toolbar__end">
        <ToolButton icon={Play} label="Run" text className="" onClick={() => onPanel('run')} />
        <ToolButton icon={History} label="History" text className="" onClick={() => onPanel('history')} />
      </div>
    </div>
  )
}
