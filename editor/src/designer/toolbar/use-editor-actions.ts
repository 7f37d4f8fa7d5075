import { useReactFlow } from '@xyflow/react'
import { useMemo, useState } from 'react'
import { itemId } from '../canvas/flow-types.ts'
import { useViewCentre } from '../canvas/use-view-centre.ts'
import { autoLayout, type Size } from '../layout/auto-layout.ts'
import type { ExternalProblems } from '../problems/ProblemsPanel.tsx'
import type { DesignerStore } from '../store/types.ts'
import { downloadCanonical, importPlaybook, publishDraft, saveDraft } from './document-io.ts'
import { readClipboard, rememberCopied, writeClipboard } from './system-clipboard.ts'

/** Fit the whole playbook in view, with a margin, never zooming in past 100 %. */
export const FIT_OPTIONS = { padding: 0.15, maxZoom: 1, duration: 300 }

/**
 * Everything the toolbar and the shortcuts do, in one place: save, publish, import, export,
 * clipboard, layout and view. Call inside the designer's `ReactFlowProvider`.
 * @example const actions = useEditorActions(store, 'phishing-triage', canEdit)
 */
export function useEditorActions(store: DesignerStore, playbookId: string, canEdit: boolean) {
  const flow = useReactFlow()
  const centre = useViewCentre()
  const [saving, setSaving] = useState(false)
  const [external, setExternal] = useState<ExternalProblems | null>(null)

  const actions = useMemo(() => {
    const s = () => store.getState()
    const editing = <A extends unknown[], R>(f: (...args: A) => R, otherwise: R) =>
      canEdit ? f : (..._args: A) => otherwise

    async function save(): Promise<boolean> {
      const sent = s().playbook
      setSaving(true)
      const saved = await saveDraft(playbookId, sent)
      setSaving(false)
      if (saved.ok) {
        s().markSaved(sent)
        setExternal(null)
        const warned = saved.value.warnings
        const note = warned === 0 ? '' : `, with ${warned} warning${warned === 1 ? '' : 's'}`
        s().notify(`Draft saved${note}.`, 'success')
        return true
      }
      if (saved.problems.length > 0)
        setExternal({ title: 'The server refused the save', problems: saved.problems })
      s().notify(`Not saved: ${saved.message}`, 'error')
      return false
    }

    async function publish(note: string): Promise<boolean> {
      if (s().dirty && !(await save())) return false
      const published = await publishDraft(playbookId, note)
      if (published.ok) {
        s().notify(`Published version ${published.value.version}.`, 'success')
        return true
      }
      if (published.problems.length > 0)
        setExternal({ title: 'The server refused to publish', problems: published.problems })
      s().notify(`Not published: ${published.message}`, 'error')
      return false
    }

    function importText(text: string, fileName: string) {
      const imported = importPlaybook(text, s().registry, playbookId)
      if (!imported.ok) {
        setExternal({ title: `${fileName} could not be imported`, problems: imported.problems })
        s().notify(`${fileName} is not a playbook Bulwark can open: see Problems.`, 'error')
        return
      }
      setExternal(null)
      s().replace(imported.playbook)
      const renamed = imported.renamedFrom ? ` (its id "${imported.renamedFrom}" became "${playbookId}")` : ''
      s().notify(`Imported ${fileName}${renamed}. Save to keep it.`, 'success')
      requestAnimationFrame(() => void flow.fitView(FIT_OPTIONS))
    }

    function copy(): string {
      const text = s().copySelection()
      if (text !== '') rememberCopied(text)
      return text
    }

    function paste(text: string) {
      s().paste(text, centre())
    }

    function deleteSelection() {
      void flow.deleteElements({
        nodes: flow.getNodes().filter((n) => n.selected),
        edges: flow.getEdges().filter((e) => e.selected),
      })
    }

    function layout() {
      const sizes: Record<string, Size> = {}
      for (const n of flow.getNodes())
        if (n.measured?.width && n.measured.height)
          sizes[itemId(n.id)] = { width: n.measured.width, height: n.measured.height }
      s().moveNodes(autoLayout(s().playbook, sizes))
      requestAnimationFrame(() => void flow.fitView(FIT_OPTIONS))
    }

    return {
      save: editing(save, Promise.resolve(false)),
      publish,
      importText: editing(importText, undefined),
      exportFile: () => downloadCanonical(s().playbook),
      undo: editing(() => s().undo(), undefined),
      redo: editing(() => s().redo(), undefined),
      copy,
      copyToClipboard: async () => {
        const text = copy()
        if (text === '') s().notify('Select nodes or notes to copy.')
        else await writeClipboard(text)
      },
      cut: editing(() => {
        const text = copy()
        if (text !== '') s().remove(s().selection)
        return text
      }, ''),
      paste: editing(paste, undefined),
      pasteFromClipboard: editing(async () => paste(await readClipboard()), Promise.resolve()),
      duplicate: editing(() => void s().duplicateSelection(), undefined),
      deleteSelection: editing(deleteSelection, undefined),
      selectAll: () => {
        const p = s().playbook
        s().select([...p.nodes.map((n) => n.id), ...(p.notes ?? []).map((n) => n.id)])
      },
      addNote: editing(() => void s().addNote(centre()), undefined),
      autoLayout: editing(layout, undefined),
      zoomToFit: () => void flow.fitView(FIT_OPTIONS),
    }
  }, [store, playbookId, canEdit, flow, centre])

  return { ...actions, saving, external, clearExternal: () => setExternal(null) }
}

export type EditorActions = ReturnType<typeof useEditorActions>
