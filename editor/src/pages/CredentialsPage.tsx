import { api, unwrap } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { useLoad } from '../lib/useLoad.ts'
import { CredentialForm } from './credentials/CredentialForm.tsx'
import { CredentialTable } from './credentials/CredentialTable.tsx'
import { type CredentialInput, credentialTypes } from './credentials/credential-input.ts'

async function loadCredentials() {
  const [credentials, templates] = await Promise.all([
    api.GET('/api/credentials').then(unwrap),
    // Type suggestions only: the page works without them.
    api
      .GET('/api/templates')
      .then(unwrap)
      .catch(() => ({ items: [] })),
  ])
  return { items: credentials.items, types: credentialTypes(templates.items) }
}

/** Admin page: credential names and types; create, replace a value, delete. Values are write-only. */
export default function CredentialsPage() {
  const canManage = useSession((s) => s.can('credential.manage'))
  const credentials = useLoad('credentials', loadCredentials)
  if (!canManage)
    return (
      <div className="page">
        <h1>Credentials</h1>
        <p className="alert">Managing credentials needs the credential.manage permission (admin).</p>
      </div>
    )

  const create = async ({ name, type, value }: CredentialInput) => {
    unwrap(await api.POST('/api/credentials', { body: { name, type, value } }))
    await credentials.reload()
  }
  const replace = async ({ name, type, value }: CredentialInput) => {
    unwrap(await api.PUT('/api/credentials/{name}', { params: { path: { name } }, body: { type, value } }))
    await credentials.reload()
  }
  const remove = async (name: string) => {
    unwrap(await api.DELETE('/api/credentials/{name}', { params: { path: { name } } }))
    await credentials.reload()
  }
  const types = credentials.data?.types ?? []
  return (
    <div className="page">
      <div className="page-header">
        <h1>Credentials</h1>
      </div>
      <div className="split">
        <section className="card" aria-label="New credential">
          <h2 style={{ marginTop: 0 }}>New credential</h2>
          <CredentialForm types={types} onSubmit={create} />
        </section>
        <section>
          <ErrorNotice error={credentials.error} title="Could not load the credentials" />
          {credentials.data ? (
            <CredentialTable
              items={credentials.data.items}
              types={types}
              now={Date.now()}
              onReplace={replace}
              onDelete={remove}
            />
          ) : credentials.loading ? (
            <p className="muted">Loading…</p>
          ) : null}
        </section>
      </div>
    </div>
  )
}
