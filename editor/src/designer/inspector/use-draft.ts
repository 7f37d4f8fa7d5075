import { useState } from 'react'

function keyOf(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined'
}

/**
 * The text a user is typing for a value that may not parse yet (a number, JSON): kept as typed
 * while it is invalid, replaced when the value changes from outside (undo, another field).
 * `setDraft(text, { value })` records that `text` committed `value`; `setDraft(text)` commits nothing.
 * @example const [text, setDraft] = useDraft(value, (v) => JSON.stringify(v, null, 2))
 */
export function useDraft(
  value: unknown,
  format: (value: unknown) => string,
): [string, (text: string, committed?: { value: unknown }) => void] {
  const key = keyOf(value)
  const [state, setState] = useState(() => ({ key, text: format(value) }))
  const current = state.key === key ? state : { key, text: format(value) }
  if (current !== state) setState(current)
  const setDraft = (text: string, committed?: { value: unknown }) =>
    setState({ key: committed ? keyOf(committed.value) : key, text })
  return [current.text, setDraft]
}
