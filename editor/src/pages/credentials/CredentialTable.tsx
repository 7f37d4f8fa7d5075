import { useState } from 'react'
import type { Schemas } from '../../api/client.ts'
import { Dialog } from '../../lib/Dialog.tsx'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { formatAgo } from '../../lib/format-time.ts'
import { CredentialForm } from './CredentialForm.tsx'
import type { CredentialInput } from './credential-input.ts'

export type Credential = Schemas['Credential']

function CredentialRow({
  c,
  now,
  onReplace,
  onDelete,
}: {
  c: Credential
  now: number
  onReplace(c: Credential): void
  onDelete(name: string): Promise<void>
}) {
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<unknown>()
  return (
    <tr>
      <td className="mono">{c.name}</td>
      <td>{c.type}</td>
      <td className="muted">{formatAgo(c.updatedAt, now)}</td>
      <td className="muted">{c.lastUsedAt === null ? 'never' : formatAgo(c.lastUsedAt, now)}</td>
      <td>
        <div className="row">
          <button type="button" onClick={() => onReplace(c)} aria-label={`Replace the value of ${c.name}`}>
            Replace value
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="danger"
                onClick={() => onDelete(c.name).catch(setError)}
                aria-label={`Yes, delete ${c.name}`}
              >
                Yes, delete
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="danger"
              onClick={() => setConfirming(true)}
              aria-label={`Delete ${c.name}`}
            >
              Delete
            </button>
          )}
        </div>
        <ErrorNotice error={error} />
      </td>
    </tr>
  )
}

/**
 * Credentials by name and type, with when they changed and were last used; never their values.
 * @example <CredentialTable items={items} types={types} onReplace={replace} onDelete={remove} now={now} />
 */
export function CredentialTable({
  items,
  types,
  now,
  onReplace,
  onDelete,
}: {
  items: readonly Credential[]
  types: readonly string[]
  now: number
  onReplace(input: CredentialInput): Promise<void>
  onDelete(name: string): Promise<void>
}) {
  const [replacing, setReplacing] = useState<Credential>()
  if (items.length === 0) return <p className="empty">No credential is stored yet.</p>
  return (
    <>
      <table className="list" aria-label="Credentials">
        <thead>
          <tr>
            <th>Name</th>
            <th>Type</th>
            <th>Updated</th>
            <th>Last used</th>
            <th>
              <span className="muted">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <CredentialRow key={c.id} c={c} now={now} onReplace={setReplacing} onDelete={onDelete} />
          ))}
        </tbody>
      </table>
      {replacing ? (
        <Dialog title={`Replace the value of ${replacing.name}`} onClose={() => setReplacing(undefined)}>
          <CredentialForm
            existing={replacing}
            types={types}
            onSubmit={onReplace}
            onDone={() => setReplacing(undefined)}
          />
        </Dialog>
      ) : null}
    </>
  )
}
