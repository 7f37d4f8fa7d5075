import { useId, useState } from 'react'
import type { PlaybookNode } from '../../../../runtime/format/schema.ts'
import type { NodeType } from '../../../../runtime/node-type.ts'
import type { Refusal } from '../store/types.ts'
import { type FieldProblem, under } from './field-problems.ts'
import { FieldProblems } from './schema-form/FieldShell.tsx'

interface NodeHeaderProps {
  node: PlaybookNode
  def: NodeType | undefined
  /** Renames the node id; a refusal (taken, not a slug) is shown next to the field. */
  onRename(next: string): Refusal | null
  onChange(patch: { name?: string | undefined; description?: string | undefined }): void
  /** Problems relative to the node. */
  problems: readonly FieldProblem[]
}

/**
 * What the node is (title, type@version, the type's description) and who it is: its id (used in
 * expressions, renamed with every reference following), its display name and notes.
 */
export function NodeHeader({ node, def, onRename, onChange, problems }: NodeHeaderProps) {
  const id = useId()
  const [draft, setDraft] = useState({ for: node.id, text: node.id, refusal: '' })
  const current = draft.for === node.id ? draft : { for: node.id, text: node.id, refusal: '' }
  const rename = () => {
    const next = current.text.trim()
    if (next === node.id) return
    const refusal = onRename(next)
    setDraft(refusal ? { ...current, refusal: refusal.message } : { for: next, text: next, refusal: '' })
  }
  const idProblems = under(problems, 'id')
  return (
    <header className="insp-header">
      <h2>{def?.title ?? 'Unknown node type'}</h2>
      <p className="insp-type">
        <code>{`${node.type}@${node.version}`}</code>
      </p>
      {def?.description ? <p className="insp-help">{def.description}</p> : null}
      <div className={`insp-field${current.refusal || idProblems.length ? ' insp-has-problem' : ''}`}>
        <label htmlFor={`${id}-id`}>Node id</label>
        <div className="insp-inline">
          <input
            id={`${id}-id`}
            type="text"
            value={current.text}
            spellCheck={false}
            aria-describedby={`${id}-id-help`}
            aria-invalid={current.refusal ? true : undefined}
            onChange={(e) => setDraft({ for: node.id, text: e.target.value, refusal: '' })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') rename()
              if (e.key === 'Escape') setDraft({ for: node.id, text: node.id, refusal: '' })
            }}
          />
          <button type="button" onClick={rename} disabled={current.text.trim() === node.id}>
            Rename
          </button>
        </div>
        <p id={`${id}-id-help`} className="insp-help">
          Expressions read this node as <code>{`nodes.${node.id}.output`}</code>; renaming updates them.
        </p>
        {current.refusal ? (
          <p role="alert" className="insp-problem insp-problem-error">
            {current.refusal}
          </p>
        ) : null}
        <FieldProblems problems={idProblems} />
      </div>
      <div className="insp-field">
        <label htmlFor={`${id}-name`}>Node name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={node.name ?? ''}
          placeholder={def?.title}
          onChange={(e) => onChange({ name: e.target.value === '' ? undefined : e.target.value })}
        />
        <FieldProblems problems={under(problems, 'name')} />
      </div>
      <div className="insp-field">
        <label htmlFor={`${id}-description`}>Node notes</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={node.description ?? ''}
          onChange={(e) => onChange({ description: e.target.value === '' ? undefined : e.target.value })}
        />
        <FieldProblems problems={under(problems, 'description')} />
      </div>
    </header>
  )
}
