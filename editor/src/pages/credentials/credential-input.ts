/** What a credential form sends; the value is write-only (never read back from the server). */
export interface CredentialInput {
  name: string
  type: string
  value: string
}

const NAME = /^[A-Za-z0-9._-]+$/
const MAX_VALUE = 64 * 1024

/**
 * Every problem of a credential form, by field (empty when it can be sent). Mirrors the server's
 * rules so the user learns before sending.
 * @example credentialProblems({ name: 'vt key', type: '', value: '' })
 *   // { name: 'letters, digits and . _ - only', type: 'required', value: 'required' }
 */
export function credentialProblems(input: CredentialInput): Partial<Record<keyof CredentialInput, string>> {
  const problems: Partial<Record<keyof CredentialInput, string>> = {}
  const name = input.name.trim()
  if (!name) problems.name = 'required'
  else if (name.length > 100) problems.name = 'at most 100 characters'
  else if (!NAME.test(name)) problems.name = 'letters, digits and . _ - only'
  if (!input.type.trim()) problems.type = 'required'
  else if (input.type.trim().length > 100) problems.type = 'at most 100 characters'
  if (!input.value) problems.value = 'required'
  else if (input.value.length > MAX_VALUE) problems.value = `at most ${MAX_VALUE} characters`
  return problems
}

/**
 * The credential types templates ask for, for suggestions in the type field.
 * @example credentialTypes([{ template: { credential: { type: 'virustotal-api-key' } } }]) // ['virustotal-api-key']
 */
export function credentialTypes(templates: readonly { template: Record<string, unknown> }[]): string[] {
  const types = new Set<string>()
  for (const t of templates) {
    const credential = t.template.credential as { type?: unknown } | undefined
    if (typeof credential?.type === 'string') types.add(credential.type)
  }
  return [...types].sort()
}
