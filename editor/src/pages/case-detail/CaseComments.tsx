import { MessageSquare } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { formatDateTime } from '../../lib/format-time.ts'
import type { CaseDetail } from './case-edit.ts'

/**
 * The comments of a case, oldest first, and (for those who may) a box to add one.
 * @example <CaseComments comments={c.comments} canAdd busy={false} onAdd={(text) => comment(text)} />
 */
export function CaseComments({
  comments,
  canAdd,
  busy,
  onAdd,
}: {
  comments: CaseDetail['comments']
  canAdd: boolean
  busy: boolean
  onAdd(text: string): Promise<boolean>
}) {
  const [text, setText] = useState('')
  async function submit(e: FormEvent) {
    e.preventDefault()
    if (text.trim() && (await onAdd(text.trim()))) setText('')
  }
  return (
    <section aria-label="Comments">
      <h2>Comments</h2>
      {comments.length === 0 ? <p className="muted">No comment yet.</p> : null}
      <ul className="plain-list case-comments">
        {comments.map((c) => (
          <li key={c.id} className="card">
            <div className="muted">
              <strong>{c.author}</strong> · {formatDateTime(c.at)}
            </div>
            <div className="case-comment-text">{c.text}</div>
          </li>
        ))}
      </ul>
      {canAdd ? (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <label>
            New comment
            <textarea value={text} rows={3} maxLength={10_000} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="row">
            <button type="submit" disabled={busy || !text.trim()}>
              <MessageSquare size={16} aria-hidden="true" />
              Add comment
            </button>
          </div>
        </form>
      ) : null}
    </section>
  )
}
