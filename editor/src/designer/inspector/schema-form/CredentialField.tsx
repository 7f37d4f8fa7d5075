import { useId } from 'react'
import { describedBy, FieldShell } from './FieldShell.tsx'
import type { FieldProps } from './field-props.ts'
import { type CredentialInfo, useCredentials } from './use-credentials.ts'

const UNSET = ''

/** Credentials of the wanted type first, then the others. */
function ordered(list: readonly CredentialInfo[], type: string | undefined): CredentialInfo[] {
  if (!type) return [...list]
  return [...list.filter((c) => c.type === type), ...list.filter((c) => c.type !== type)]
}

/**
 * Picks a stored credential by name (values are never shown). Falls back to a text box while the
 * list loads or when the caller may not list credentials; a name that is not stored stays visible,
 * flagged.
 */
export function CredentialField({ field, value, onChange, problems }: FieldProps<'credential'>) {
  const id = useId()
  const credentials = useCredentials()
  const name = typeof value === 'string' ? value : ''
  const wanted = field.credentialType
  const help = [field.description, wanted ? `Expects a credential of type ${wanted}.` : '']
    .filter(Boolean)
    .join(' ')
  const effective = name || (typeof field.default === 'string' ? field.default : '')
  const missing =
    credentials !== undefined && effective !== '' && !credentials.some((c) => c.name === effective)
  const warning = `no stored credential is named "${effective}"`
  const shown = missing
    ? [{ path: [], message: warning, severity: 'warning' as const, code: 'CREDENTIAL' }, ...problems]
    : problems
  const common = {
    id,
    'aria-invalid': shown.length > 0 || undefined,
    'aria-describedby': describedBy(id, help || undefined, shown),
  }
  return (
    <FieldShell
      id={id}
      label={field.label}
      description={help || undefined}
      required={field.required}
      problems={shown}
    >
      {credentials === undefined ? (
        <input
          {...common}
          type="text"
          value={name}
          placeholder="Credential name"
          onChange={(e) => onChange(e.target.value === '' && !field.required ? undefined : e.target.value)}
        />
      ) : (
        <select
          {...common}
          value={name}
          onChange={(e) => onChange(e.target.value === UNSET ? undefined : e.target.value)}
        >
          <option value={UNSET}>
            {field.default ? `Default (${String(field.default)})` : 'Choose a credential…'}
          </option>
          {missing && name !== '' ? <option value={name}>{`${name} (not found)`}</option> : null}
          {ordered(credentials, wanted).map((c) => (
            <option key={c.name} value={c.name}>
              {`${c.name} (${c.type})`}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}
