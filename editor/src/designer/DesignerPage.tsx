import { Link, useParams } from 'wouter'
import { ApiError } from '../api/client.ts'
import { useLoad } from '../lib/useLoad.ts'
import { DesignerWorkspace } from './DesignerWorkspace.tsx'
import { loadDesigner, UnreadablePlaybookError } from './load-designer.ts'
import { problemKeys } from './problems/problem-keys.ts'

function LoadFailure({ id, error, retry }: { id: string; error: unknown; retry(): void }) {
  if (error instanceof ApiError && error.status === 404)
    return (
      <div className="page">
        <h1>No such playbook</h1>
        <p>
          There is no playbook <code>{id}</code>. It may have been deleted, or the address is wrong.
        </p>
        <Link href="/">Back to the playbooks</Link>
      </div>
    )
  return (
    <div className="page" role="alert">
      <h1>The playbook could not be opened</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      {error instanceof UnreadablePlaybookError && (
        <ul>
          {problemKeys(error.problems.slice(0, 20)).map((key, i) => (
            <li key={key}>
              <code>{error.problems[i]!.path}</code> {error.problems[i]!.message}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button type="button" onClick={retry}>
          Try again
        </button>
        <Link href="/">Back to the playbooks</Link>
      </div>
    </div>
  )
}

/**
 * The designer page (`/playbooks/:id`): loads the draft and the node catalog, then opens the
 * designer with one store per playbook (a new one when the id changes).
 */
export default function DesignerPage() {
  const { id = '' } = useParams<{ id: string }>()
  const loaded = useLoad(id, () => loadDesigner(id))
  if (loaded.loading) return <div className="page-loading">Loading playbook…</div>
  if (loaded.error !== undefined || !loaded.data)
    return <LoadFailure id={id} error={loaded.error} retry={() => void loaded.reload()} />
  return (
    <DesignerWorkspace
      key={id}
      playbookId={id}
      playbook={loaded.data.playbook}
      catalog={loaded.data.catalog}
    />
  )
}
