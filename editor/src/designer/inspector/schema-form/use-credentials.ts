import { api, type Schemas, unwrap } from '../../../api/client.ts'
import { useSession } from '../../../app/session.ts'
import { useLoad } from '../../../lib/useLoad.ts'

/** A stored credential as the list shows it: name and type, never the value. */
export type CredentialInfo = Pick<Schemas['Credential'], 'name' | 'type'>

let cached: Promise<CredentialInfo[]> | undefined

function loadCredentials(): Promise<CredentialInfo[]> {
  cached ??= api.GET('/api/credentials').then(
    (answer) => unwrap(answer).items.map(({ name, type }) => ({ name, type })),
    (err: unknown) => {
      cached = undefined
      throw err
    },
  )
  return cached
}

/** Forgets the cached list (after a credential is added or deleted, and between tests). */
export function forgetCredentials(): void {
  cached = undefined
}

/**
 * The stored credentials the caller may list (`credential.list`), loaded once per page for every
 * picker; `undefined` while loading, without the permission, or when the list cannot be read.
 * @example const credentials = useCredentials()
 */
export function useCredentials(): CredentialInfo[] | undefined {
  const allowed = useSession((s) => s.can('credential.list'))
  const loaded = useLoad(allowed ? 'credentials' : 'not-allowed', () =>
    allowed ? loadCredentials() : Promise.resolve(undefined),
  )
  return loaded.error ? undefined : loaded.data
}
