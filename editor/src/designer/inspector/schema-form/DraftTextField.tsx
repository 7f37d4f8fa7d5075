import { useId } from 'react'
import { ExpressionInput } from '../expressions/ExpressionInput.tsx'
import type { FieldProblem } from '../field-problems.ts'
import { useDraft } from '../use-draft.ts'
import type { FieldDescriptor } from './descriptor.ts'
import { describedBy, FieldShell } from './FieldShell.tsx'
import { defaultPlaceholder, helpText } from './field-props.ts'
import { formatValue, type Parsed } from './parse-text.ts'

interface DraftTextFieldProps {
  field: FieldDescriptor
  value: unknown
  onChange(value: unknown): void
  problems: readonly FieldProblem[]
  /** Reads the text: a value to store, or why it is not one yet (shown, the text is kept). */
  parse(text: string): Parsed
  multiline?: boolean
  inputMode?: 'text' | 'decimal'
}

/**
 * A field typed as text but stored as another value (a number, a JSON value): the user's text is
 * kept while it does not parse, with the reason shown at the field; each valid text is stored.
 */
export function DraftTextField(props: DraftTextFieldProps) {
  const { field, value, onChange, problems, parse } = props
  const id = useId()
  const [text, setDraft] = useDraft(value, formatValue)
  const parsed = parse(text)
  const shown: FieldProblem[] = parsed.ok
    ? [...problems]
    : [{ path: [], message: parsed.error, severity: 'error', code: 'INPUT' }, ...problems]
  const help = helpText(field)
  return (
    <FieldShell id={id} label={field.label} description={help} required={field.required} problems={shown}>
      <ExpressionInput
        id={id}
        value={text}
        multiline={props.multiline || text.includes('\n')}
        inputMode={props.inputMode}
        onChange={(t) => {
          const next = parse(t)
          if (!next.ok) return setDraft(t)
          setDraft(t, { value: next.value })
          onChange(next.value)
        }}
        invalid={shown.length > 0}
        describedBy={describedBy(id, help, shown)}
        placeholder={defaultPlaceholder(field)}
      />
    </FieldShell>
  )
}
