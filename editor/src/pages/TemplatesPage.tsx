import { Plus } from 'lucide-react'
import { useMemo, useState } from 'react'
import { starterTemplates } from '../../../nodes/templates/load.ts'
import type { IntegrationTemplate } from '../../../nodes/templates/schema.ts'
import { validateTemplate } from '../../../nodes/templates/validate.ts'
import { api, unwrap } from '../api/client.ts'
import { useSession } from '../app/session.ts'
import { reloadCatalog } from '../lib/catalog.ts'
import { ErrorNotice } from '../lib/ErrorNotice.tsx'
import { useLoad } from '../lib/useLoad.ts'
import { TemplateDetail } from './templates/TemplateDetail.tsx'
import { TemplateEditor } from './templates/TemplateEditor.tsx'
import { TemplateList } from './templates/TemplateList.tsx'
import { TestCallPanel } from './templates/TestCallPanel.tsx'
import { groupTemplates, nextVersion, type TemplateGroup } from './templates/template-groups.ts'
import { NEW_TEMPLATE, templateText } from './templates/template-text.ts'

async function listTemplates() {
  return unwrap(await api.GET('/api/templates')).items
}

/** The text a new publication starts from: the next version, or a renamed copy of a built-in one. */
function startingPoint(group: TemplateGroup | undefined, template: Record<string, unknown>) {
  if (group?.builtIn) return { ...template, id: `${group.id}-custom`, version: 1 }
  return { ...template, version: group ? nextVersion(group) : 1 }
}

/** Integration templates: browse, view versions, publish (JSON/YAML, validated), deprecate, test call. */
export default function TemplatesPage() {
  const canPublish = useSession((s) => s.can('template.publish'))
  const list = useLoad('templates', listTemplates)
  const groups = useMemo(() => groupTemplates(list.data ?? [], starterTemplates()), [list.data])
  const [selected, setSelected] = useState<string>()
  const [editing, setEditing] = useState<string>()
  const [testing, setTesting] = useState<{ template?: IntegrationTemplate; error?: unknown }>()
  const [notice, setNotice] = useState<string>()
  const group = groups.find((g) => g.id === selected) ?? groups[0]

  const testCall = (template: unknown) => {
    const r = validateTemplate(template)
    setTesting(
      r.ok ? { template: r.template } : { error: new Error('this version does not validate any more') },
    )
  }
  const publish = async (template: IntegrationTemplate) => {
    const saved = unwrap(
      await api.POST('/api/templates', { body: template as unknown as Record<string, unknown> }),
    )
    await list.reload()
    reloadCatalog().catch(() => {}) // the designer's palette picks the new version up
    setSelected(saved.id)
    setEditing(undefined)
    setNotice(`Published ${saved.id} v${saved.version}.`)
  }
  const deprecate = async (version: number) => {
    if (!group) return
    unwrap(
      await api.POST('/api/templates/{id}/versions/{version}/deprecate', {
        params: { path: { id: group.id, version } },
      }),
    )
    await list.reload()
    reloadCatalog().catch(() => {})
    setNotice(`Deprecated ${group.id} v${version}: playbooks pinned to it keep running it.`)
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Templates</h1>
        {canPublish ? (
          <button
            type="button"
            className="primary"
            onClick={() => setEditing(templateText(NEW_TEMPLATE, 'yaml'))}
          >
            <Plus size={16} aria-hidden="true" />
            New template
          </button>
        ) : null}
      </div>
      {notice ? (
        <div className="alert success" role="status">
          {notice}
        </div>
      ) : null}
      <ErrorNotice error={list.error} title="Could not load the templates" />
      <div className="split" style={{ marginTop: 12 }}>
        <TemplateList
          groups={groups}
          selected={group?.id}
          onSelect={(id) => {
            setSelected(id)
            setNotice(undefined)
          }}
        />
        <div className="stack">
          {editing !== undefined ? (
            <TemplateEditor
              key={editing}
              initialText={editing}
              published={list.data ?? []}
              onPublish={publish}
              onTestCall={(t) => setTesting({ template: t })}
              onCancel={() => setEditing(undefined)}
            />
          ) : group ? (
            <TemplateDetail
              key={group.id}
              group={group}
              canPublish={canPublish}
              onDeprecate={deprecate}
              onPublishFrom={(t) => setEditing(templateText(startingPoint(group, t), 'yaml'))}
              onTestCall={testCall}
            />
          ) : null}
          <ErrorNotice error={testing?.error} title="Cannot test this template" />
          {testing?.template ? (
            <TestCallPanel
              key={`${testing.template.id}@${testing.template.version}`}
              template={testing.template}
              onClose={() => setTesting(undefined)}
            />
          ) : null}
        </div>
      </div>
    </div>
  )
}
