/** What a keyboard shortcut does. Copy, cut and paste go through the browser's clipboard events. */
export type ShortcutId =
  | 'save'
  | 'undo'
  | 'redo'
  | 'duplicate'
  | 'selectAll'
  | 'autoLayout'
  | 'zoomToFit'
  | 'addNote'
  | 'help'
  | 'escape'

/** The parts of a keyboard event a shortcut looks at. */
export interface KeyPress {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** The shortcuts as the help overlay lists them (Ctrl means ⌘ on a Mac). */
export const SHORTCUT_HELP: readonly { keys: string[]; description: string }[] = [
  { keys: ['Ctrl+S'], description: 'Save the draft' },
  { keys: ['Ctrl+Z'], description: 'Undo' },
  { keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], description: 'Redo' },
  { keys: ['Ctrl+C'], description: 'Copy the selection (as JSON, also into another playbook)' },
  { keys: ['Ctrl+X'], description: 'Cut the selection' },
  { keys: ['Ctrl+V'], description: 'Paste' },
  { keys: ['Ctrl+D'], description: 'Duplicate the selection' },
  { keys: ['Delete', 'Backspace'], description: 'Delete the selected nodes, notes and edges' },
  { keys: ['Ctrl+A'], description: 'Select everything' },
  { keys: ['Shift+click', 'Shift+drag'], description: 'Add to the selection, select with a box' },
  { keys: ['Shift+L'], description: 'Auto-layout, left to right' },
  { keys: ['Shift+1'], description: 'Zoom to fit' },
  { keys: ['Shift+N'], description: 'Add a sticky note' },
  { keys: ['?'], description: 'Show this help' },
  { keys: ['Esc'], description: 'Close a dialog, clear the selection' },
]

/**
 * The shortcut a key press means, if any. Ctrl and ⌘ are the same; Alt combinations are left to the
 * browser.
 * @example shortcutFor({ key: 'z', ctrlKey: true, shiftKey: true, metaKey: false, altKey: false }) // 'redo'
 */
export function shortcutFor(e: KeyPress): ShortcutId | undefined {
  if (e.altKey) return undefined
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (mod) {
    if (key === 's' && !e.shiftKey) return 'save'
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
    if (key === 'y' && !e.shiftKey) return 'redo'
    if (key === 'd' && !e.shiftKey) return 'duplicate'
    if (key === 'a' && !e.shiftKey) return 'selectAll'
    return undefined
  }
  if (e.key === '?') return 'help'
  if (e.key === 'Escape') return 'escape'
  if (e.shiftKey && key === 'l') return 'autoLayout'
  if (e.shiftKey && key === 'n') return 'addNote'
  if (e.shiftKey && (e.code === 'Digit1' || e.key === '!')) return 'zoomToFit'
  return undefined
}

/** Shortcuts that also work while typing in a field. */
export const WORKS_IN_FIELDS: ReadonlySet<ShortcutId> = new Set(['save', 'escape'])

/**
 * Whether an event target is somewhere the user types (a field, an editor), where single keys and
 * clipboard keys belong to the text.
 * @example isTyping(document.querySelector('input')) // true
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true
  return target.closest('.monaco-editor') !== null
}
