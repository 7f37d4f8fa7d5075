import { type FormEvent, useState } from 'react'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { type CredentialInput, credentialProblems } from './credential-input.ts'

/**
 * Creates a credential, or replaces the value of an existing one (`existing` set: the name is fixed).
 * The value field is a password field that is cleared after every attempt and never pre-filled.
 * @example <CredentialForm types={['virustotal-api-key']} onSubmit={create} />
 */
export function CredentialForm({
  existing,
  types,
  onSubmit,
  onDone,
}: {
  existing?: { name: string; type: string }
  types: readonly string[]
  onSubmit(input: CredentialInput): Promise<void>
  onDone?(): void
}) {
  const [name, setName] = useState(existing?.name ?? '')
  const [type, setType] = useState(existing?.type ?? '')
  const [value, setValue] = useState('')
  const [touched, setTouched] = useState(false)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const problems = credentialProblems({ name, type, value })
  const shown = touched ? problems : {}
  const prefix = existing ? `credential-${existing.name}` : 'credential-new'

  async function submit(e: FormEvent) {
    e.preventDefault()
    setTouched(true)
    if (Object.keys(problems).length > 0) return
    setBusy(true)
    setError(undefined)
    try {
      await onSubmit({ name: name.trim(), type: type.trim(), value })
      if (!existing) {
        setName('')
        setType('')
      }
      onDone?.()
    } catch (err) {
      setError(err)
    } finally {
      setValue('')
      setTouched(false)
      setBusy(false)
    }
  }

  const field = (key: keyof CredentialInput) => ({
    'aria-invalid': shown[key] ? true : undefined,
    'aria-describedby': shown[key] ? `${prefix}-${key}-problem` : undefined,
  })
  const problem = (key: keyof CredentialInput) =>
    shown[key] ? (
      <span id={`${prefix}-${key}-problem`} className="problem-path">
        {shown[key]}
      </span>
    ) : null

  return (
    <form
      className="stack"
      onSubmit={submit}
      aria-label={existing ? `Replace the value of ${existing.name}` : 'New credential'}
      noValidate
    >
      {existing ? null : (
        <label>
          Name
          <input
            value={name}
            autoComplete="off"
            onChange={(e) => setName(e.target.value)}
            {...field('name')}
          />
        </label>
      )}
      {existing ? null : problem('name')}
      <label>
        Type
        <input
          value={type}
          list={`${prefix}-types`}
          autoComplete="off"
          onChange={(e) => setType(e.target.value)}
          {...field('type')}
        />
        <datalist id={`${prefix}-types`}>
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      {problem('type')}
      <label>
        {existing ? 'New value' : 'Value'}
        <input
          type="password"
          value={value}
          autoComplete="new-password"
          onChange={(e) => setValue(e.target.value)}
          {...field('value')}
        />
      </label>
      {problem('value')}
      <span className="muted">Stored encrypted; nobody can read it back, not even an admin.</span>
      <ErrorNotice
        error={error}
        title={existing ? 'The value was not replaced' : 'The credential was not stored'}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Replace value' : 'Store credential'}
        </button>
      </div>
    </form>
  )
}
