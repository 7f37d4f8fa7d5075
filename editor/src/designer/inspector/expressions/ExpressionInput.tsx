import { type KeyboardEvent, type SyntheticEvent, useId, useLayoutEffect, useRef, useState } from 'react'
import { useInspectorEnv } from '../inspector-env.ts'
import { applyCompletion, completionRange, filterSuggestions } from './completion.ts'
import './expressions.css'

export interface ExpressionInputProps {
  id: string
  value: string
  onChange(text: string): void
  multiline?: boolean
  /** Suggest as soon as the user types, and replace the whole text by `{{ path }}` (a rule's field). */
  bare?: boolean
  invalid?: boolean
  describedBy?: string | undefined
  placeholder?: string | undefined
  inputMode?: 'text' | 'decimal'
}

const MAX_SHOWN = 30

/** Rows for a multi-line field: enough for its lines (long ones wrap), between 3 and 12. */
function rowsFor(text: string): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 48)), 0)
  return Math.min(12, Math.max(3, lines))
}

/**
 * A text field that takes `{{ }}` expressions: typing `{{` opens a list of what the node can read
 * (trigger fields, upstream outputs, vars), filtered as the path is typed. Arrow keys move, Enter or
 * Tab inserts, Escape closes; a click inserts too. ARIA combobox with a listbox of options.
 * @example <ExpressionInput id={id} value={text} onChange={setText} />
 */
export function ExpressionInput(props: ExpressionInputProps) {
  const { value, onChange, bare = false } = props
  const { suggestions } = useInspectorEnv()
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const listId = useId()
  const [caret, setCaret] = useState<number | null>(null)
  const [active, setActive] = useState(0)
  const [dismissed, setDismissed] = useState(false)
  const nextCaret = useRef<number | null>(null)

  const range = caret === null || dismissed ? undefined : completionRange(value, caret, { bare })
  const items = range ? filterSuggestions(suggestions, range.query, MAX_SHOWN) : []
  const open = items.length > 0 && !(items.length === 1 && items[0]?.path === range?.query)
  const current = Math.min(active, Math.max(0, items.length - 1))

  useLayoutEffect(() => {
    const at = nextCaret.current
    if (at === null || !ref.current) return
    nextCaret.current = null
    ref.current.setSelectionRange(at, at)
  })

  const track = (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length)

  const accept = (index: number) => {
    const item = items[index]
    if (!range || !item) return
    const next = applyCompletion(value, range, item.path)
    onChange(next.text)
    nextCaret.current = next.caret
    setCaret(next.caret)
    setActive(0)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (!open) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + items.length) % items.length)
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault()
      accept(current)
    } else if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      setDismissed(true)
    }
  }

  const optionId = (i: number) => `${listId}-${i}`
  const shared = {
    ref,
    id: props.id,
    value,
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open ? optionId(current) : undefined,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
    placeholder: props.placeholder,
    spellCheck: false,
    autoComplete: 'off',
    onChange: (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      onChange(e.currentTarget.value)
      track(e)
      setDismissed(false)
      setActive(0)
    },
    onKeyDown,
    onKeyUp: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') track(e)
    },
    onClick: track,
    onFocus: track,
    onBlur: () => {
      setCaret(null)
      setDismissed(false)
    },
  }

  return (
    <div className="insp-expr">
      {props.multiline ? (
        <textarea {...shared} rows={rowsFor(value)} />
      ) : (
        <input {...shared} type="text" inputMode={props.inputMode} />
      )}
      {/* Always in the document so `aria-controls` points at an element; hidden while closed. */}
      <div
        id={listId}
        role="listbox"
        aria-label="Expression suggestions"
        className="insp-suggestions"
        hidden={!open}
      >
        {open
          ? items.map((item, i) => (
              <div
                key={item.path}
                id={optionId(i)}
                role="option"
                tabIndex={-1}
                aria-selected={i === current}
                aria-label={`${item.path} (${item.detail})`}
                onMouseDown={(e) => {
                  e.preventDefault()
                  accept(i)
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="insp-suggestion-path">{item.path}</span>
                <span className="insp-suggestion-detail">{item.detail}</span>
              </div>
            ))
          : null}
      </div>
    </div>
  )
}
