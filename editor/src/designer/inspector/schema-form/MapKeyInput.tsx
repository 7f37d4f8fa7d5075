import { useId } from 'react'
import { useDraft } from '../use-draft.ts'
import { FieldProblems } from './FieldShell.tsx'

interface MapKeyInputProps {
  name: string
  /** The other names of the map: a rename onto one of them is refused (kept as typed, with a reason). */
  taken: readonly string[]
  /** Accessible context, e.g. "Headers 2". */
  context: string
  onRename(next: string): void
}

/** The name of one map entry; renaming keeps the entry's place and value. */
export function MapKeyInput({ name, taken, context, onRename }: MapKeyInputProps) {
  const id = useId()
  const [text, setDraft] = useDraft(name, (v) => String(v))
  const problem =
    text === ''
      ? 'enter a name'
      : text !== name && taken.includes(text)
        ? `"${text}" is already used`
        : undefined
  return (
    <div className="insp-field insp-map-key">
      <label htmlFor={id}>
        <span className="insp-sr-only">{`${context} `}</span>Name
      </label>
      <input
        id={id}
        type="text"
        value={text}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problems` : undefined}
        onChange={(e) => {
          const next = e.target.value
          if (next === '' || (next !== name && taken.includes(next))) return setDraft(next)
          setDraft(next, { value: next })
          onRename(next)
        }}
      />
      <FieldProblems
        id={`${id}-problems`}
        problems={problem ? [{ path: [], message: problem, severity: 'error', code: 'INPUT' }] : []}
      />
    </div>
  )
}
