import { useEffect, useRef } from 'react'
import { isTyping, type ShortcutId, shortcutFor, WORKS_IN_FIELDS } from './keymap.ts'

/** What the designer does on copy, cut and paste outside of text fields. */
export interface ClipboardHandlers {
  /** Returns the text to put on the clipboard, or '' to leave the event to the browser. */
  copy(): string
  cut(): string
  paste(text: string): void
}

/**
 * Listens for the designer's keyboard shortcuts and clipboard events on the document. Single keys
 * and clipboard keys are ignored while typing in a field; Ctrl+S and Esc work everywhere.
 * @example useShortcuts({ save, undo, redo }, clipboard)
 */
export function useShortcuts(
  handlers: Partial<Record<ShortcutId, () => void>>,
  clipboard?: ClipboardHandlers,
) {
  const latest = useRef({ handlers, clipboard })
  latest.current = { handlers, clipboard }

  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const id = shortcutFor(e)
      if (!id) return
      if (isTyping(e.target) && !WORKS_IN_FIELDS.has(id)) return
      const run = latest.current.handlers[id]
      if (id === 'save') e.preventDefault()
      if (!run) return
      e.preventDefault()
      run()
    }
    const onCopy = (cut: boolean) => (e: ClipboardEvent) => {
      const handlers = latest.current.clipboard
      if (!handlers || isTyping(e.target) || hasTextSelection()) return
      const text = cut ? handlers.cut() : handlers.copy()
      if (text === '' || !e.clipboardData) return
      e.clipboardData.setData('text/plain', text)
      e.preventDefault()
    }
    const onPaste = (e: ClipboardEvent) => {
      const handlers = latest.current.clipboard
      if (!handlers || isTyping(e.target)) return
      const text = e.clipboardData?.getData('text/plain') ?? ''
      e.preventDefault()
      handlers.paste(text)
    }
    const copy = onCopy(false)
    const cut = onCopy(true)
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', copy)
    document.addEventListener('cut', cut)
    document.addEventListener('paste', onPaste)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('copy', copy)
      document.removeEventListener('cut', cut)
      document.removeEventListener('paste', onPaste)
    }
  }, [])
}

/** True when the user selected page text (a copy of that text is theirs, not the canvas's). */
function hasTextSelection(): boolean {
  const selection = typeof window === 'undefined' ? null : window.getSelection()
  return selection !== null && !selection.isCollapsed && selection.toString() !== ''
}
