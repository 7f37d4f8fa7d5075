import { createStore } from 'zustand/vanilla'
import type { Problem } from '../../../../runtime/format/problems.ts'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { validatePlaybook } from '../../../../runtime/format/validate.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'
import { completeLayout } from './complete-layout.ts'
import { emptyHistory, type History, record, redoStep, undoStep } from './history.ts'
import { addNodeTo } from './rules/add-node.ts'
import { copyItems, parseFragment, pasteFragment } from './rules/clipboard.ts'
import { checkConnection } from './rules/connect.ts'
import { sameEdge } from './rules/edge-key.ts'
import { addNoteTo, updateNoteIn } from './rules/notes.ts'
import { applyPatch } from './rules/patch.ts'
import { moveItems } from './rules/positions.ts'
import { removeItems } from './rules/remove.ts'
import { renameNode } from './rules/rename.ts'
import type { DesignerState, DesignerStore, Refusal } from './types.ts'

export interface DesignerStoreOptions {
  playbook: Playbook
  registry: NodeRegistry
  /** The clock that decides which edits merge into one undo step (tests inject one). */
  now?: () => number
}

/** How a change is recorded: `key` merges quick edits of one thing; `sameProblems` skips validation. */
interface StepOptions {
  key?: string
  sameProblems?: boolean
}

/**
 * Creates the store of one open playbook (see `DesignerState`). Every change replaces the playbook
 * immutably, records an undo snapshot and revalidates with the node registry; positions and notes
 * cannot change the problems, so moving boxes skips validation.
 * @example const store = createDesignerStore({ playbook, registry }); store.getState().addNode('enrich.ip-info', 1, { x: 0, y: 0 })
 */
export function createDesignerStore({
  playbook,
  registry,
  now = Date.now,
}: DesignerStoreOptions): DesignerStore {
  const first = completeLayout(playbook)
  const problemCache = new WeakMap<Playbook, Problem[]>()
  let history: History = emptyHistory
  let saved = first
  let batchDepth = 0
  let batchStart: Playbook = first
  let noticeId = 0

  function problemsOf(p: Playbook): Problem[] {
    let found = problemCache.get(p)
    if (!found) {
      found = validatePlaybook(p, { registry }).problems
      problemCache.set(p, found)
    }
    return found
  }

  return createStore<DesignerState>()((set, get) => {
    /** Shows a playbook: problems, dirty flag, undo state, and a selection without vanished ids. */
    function show(next: Playbook, problems?: Problem[]) {
      const exists = new Set([...next.nodes.map((n) => n.id), ...(next.notes ?? []).map((n) => n.id)])
      const selection = get().selection
      const kept = selection.filter((id) => exists.has(id))
      if (problems) problemCache.set(next, problems)
      set({
        playbook: next,
        problems: batchDepth > 0 ? get().problems : problemsOf(next),
        dirty: next !== saved,
        canUndo: history.past.length > 0,
        canRedo: history.future.length > 0,
        ...(kept.length === selection.length ? {} : { selection: kept }),
      })
    }

    function commit(next: Playbook, step: StepOptions = {}) {
      const before = get().playbook
      if (next === before) return
      if (batchDepth === 0)
        history = record(history, before, step.key ? { key: step.key, at: now() } : undefined)
      show(next, step.sameProblems ? get().problems : undefined)
    }

    function refuse(refusal: Refusal): Refusal {
      get().notify(refusal.message, 'error')
      return refusal
    }

    function travel(step: typeof undoStep) {
      const moved = step(history, get().playbook)
      if (!moved) return
      history = moved.history
      show(moved.playbook)
    }

    return {
      playbook: first,
      registry,
      selection: [],
      problems: problemsOf(first),
      dirty: false,
      overlay: null,
      notice: null,
      canUndo: false,
      canRedo: false,

      addNode(type, version, position) {
        const added = addNodeTo(get().playbook, registry, type, version, position)
        if ('code' in added) {
          refuse(added)
          return ''
        }
        commit(added.playbook)
        set({ selection: [added.id] })
        return added.id
      },
      updateNode(id, patch) {
        const p = get().playbook
        if (!p.nodes.some((n) => n.id === id)) return
        const nodes = p.nodes.map((n) => (n.id === id ? applyPatch(n, patch) : n))
        commit({ ...p, nodes }, { key: `node:${id}:${Object.keys(patch).sort().join(',')}` })
      },
      updatePlaybook(patch) {
        const key = `playbook:${Object.keys(patch).sort().join(',')}`
        commit(applyPatch(get().playbook, patch as Partial<Playbook>), { key })
      },
      renameNode(id, next) {
        const renamed = renameNode(get().playbook, id, next)
        if ('code' in renamed) return refuse(renamed)
        // Renamed first, so that showing the new playbook does not drop the node from the selection.
        set({ selection: get().selection.map((s) => (s === id ? next : s)) })
        commit(renamed.playbook)
        return null
      },
      connect(from, port, to) {
        const p = get().playbook
        const refusal = checkConnection(p, registry, from, port, to)
        if (refusal) return refuse(refusal)
        const edge = port === 'out' ? { from, to } : { from, port, to }
        commit({ ...p, edges: [...p.edges, edge] })
        return null
      },
      removeEdge(from, port, to) {
        const p = get().playbook
        const edges = p.edges.filter((e) => !sameEdge(e, from, port, to))
        if (edges.length !== p.edges.length) commit({ ...p, edges })
      },
      remove(ids) {
        commit(removeItems(get().playbook, ids))
      },
      moveNodes(positions) {
        commit(moveItems(get().playbook, positions), { sameProblems: true })
      },
      addNote(position, text) {
        const added = addNoteTo(get().playbook, position, text)
        commit(added.playbook, { sameProblems: true })
        set({ selection: [added.id] })
        return added.id
      },
      updateNote(id, patch) {
        const key = `note:${id}:${Object.keys(patch).sort().join(',')}`
        commit(updateNoteIn(get().playbook, id, patch), { key, sameProblems: true })
      },
      select(ids) {
        const current = get().selection
        if (ids.length === current.length && ids.every((id, i) => id === current[i])) return
        set({ selection: [...ids] })
      },
      copySelection() {
        const { playbook: p, selection } = get()
        return selection.length === 0 ? '' : copyItems(p, selection)
      },
      paste(text, at) {
        const parsed = parseFragment(text)
        if (!parsed.ok) {
          get().notify(parsed.message, 'error')
          return []
        }
        const pasted = pasteFragment(get().playbook, registry, parsed.fragment, at)
        commit(pasted.playbook)
        set({ selection: pasted.ids })
        if (pasted.dropped.length > 0)
          get().notify(
            `Left out ${pasted.dropped.map((id) => `"${id}"`).join(', ')}: the playbook already has a trigger.`,
          )
        return pasted.ids
      },
      duplicateSelection() {
        const text = get().copySelection()
        return text === '' ? [] : get().paste(text)
      },
      undo() {
        travel(undoStep)
      },
      redo() {
        travel(redoStep)
      },
      replace(next) {
        commit(completeLayout(next))
        set({ selection: [] })
      },
      markSaved(snapshot) {
        saved = snapshot ?? get().playbook
        set({ dirty: get().playbook !== saved })
      },
      setOverlay(overlay) {
        set({ overlay })
      },
      batch(changes) {
        if (batchDepth === 0) batchStart = get().playbook
        batchDepth++
        try {
          changes()
        } finally {
          batchDepth--
          if (batchDepth === 0 && get().playbook !== batchStart) {
            history = record(history, batchStart)
            show(get().playbook)
          }
        }
      },
      notify(message, tone = 'info') {
        noticeId++
        set({ notice: { id: noticeId, tone, message } })
      },
      clearNotice() {
        set({ notice: null })
      },
    }
  })
}
