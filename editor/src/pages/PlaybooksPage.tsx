import { Plus } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useLocation } from 'wouter'
import type { Playbook } from '../../../runtime/format/schema.ts'
import { api, unwrap } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { useLoad } from '../lib/useLoad.ts'
import { type ImportHandler, ImportPlaybook } from './playbooks/ImportPlaybook.tsx'
import { NewPlaybookDialog } from './playbooks/NewPlaybookDialog.tsx'
import { PlaybookBrowser } from './playbooks/PlaybookBrowser.tsx'

async function listPlaybooks() {
  return unwrap(await api.GET('/api/playbooks')).items
}

/** The playbook list: search, filters, last runs, "New playbook" and "Import". */
export default function PlaybooksPage() {
  const [, navigate] = useLocation()
  const canEdit = useSession((s) => s.can('playbook.edit'))
  const playbooks = useLoad('playbooks', listPlaybooks)
  const [creating, setCreating] = useState(false)
  const taken = useMemo(() => new Set((playbooks.data ?? []).map((p) => p.id)), [playbooks.data])

  async function create(playbook: Playbook) {
    const saved = unwrap(await api.POST('/api/playbooks', { body: playbook }))
    navigate(`/playbooks/${encodeURIComponent(saved.draft.id)}`)
  }

  const importFile: ImportHandler = async (playbook, mode) => {
    const saved =
      mode === 'create'
        ? unwrap(await api.POST('/api/playbooks', { body: playbook }))
        : unwrap(
            await api.PUT('/api/playbooks/{id}', {
              params: { path: { id: String(playbook.id ?? '') } },
              body: playbook,
            }),
          )
    navigate(`/playbooks/${encodeURIComponent(saved.draft.id)}`)
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Playbooks</h1>
        {canEdit ? (
          <>
            <ImportPlaybook onImport={importFile} />
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              <Plus size={16} aria-hidden="true" />
              New playbook
            </button>
          </>
        ) : null}
      </div>
      <ErrorNotice error={playbooks.error} title="Could not load the playbooks" />
      {playbooks.data ? (
        <PlaybookBrowser items={playbooks.data} />
      ) : playbooks.loading ? (
        <p className="muted">Loading…</p>
      ) : null}
      {creating ? (
        <NewPlaybookDialog takenIds={taken} onCreate={create} onClose={() => setCreating(false)} />
      ) : null}
    </div>
  )
}
