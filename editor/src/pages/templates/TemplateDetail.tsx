import { useState } from 'react'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { JsonView } from '../../lib/JsonView.tsx'
import { StatusBadge } from '../../lib/StatusBadge.tsx'
import type { TemplateGroup } from './template-groups.ts'

/**
 * One template: its versions (view, deprecate) and the content of the version being viewed, with
 * the actions to publish a new version (or copy a built-in one) and to try a test call.
 * @example <TemplateDetail group={g} canPublish onDeprecate={d} onPublishFrom={p} onTestCall={t} />
 */
export function TemplateDetail({
  group,
  canPublish,
  onDeprecate,
  onPublishFrom,
  onTestCall,
}: {
  group: TemplateGroup
  canPublish: boolean
  onDeprecate(version: number): Promise<void>
  onPublishFrom(template: Record<string, unknown>): void
  onTestCall(template: Record<string, unknown>): void
}) {
  const newest = group.versions.at(-1)
  const [viewing, setViewing] = useState(newest?.version ?? 1)
  const [error, setError] = useState<unknown>()
  const shown = group.versions.find((v) => v.version === viewing) ?? newest
  const description = typeof shown?.template.description === 'string' ? shown.template.description : ''
  return (
    <section className="stack" aria-label={`Template ${group.id}`}>
      <div className="page-header">
        <h2 style={{ margin: 0, marginRight: 'auto' }}>
          {group.title} <span className="mono muted">{group.id}</span>
        </h2>
        {shown ? (
          <button type="button" onClick={() => onTestCall(shown.template)}>
            Test call
          </button>
        ) : null}
        {canPublish && shown ? (
          <button type="button" className="primary" onClick={() => onPublishFrom(shown.template)}>
            {group.builtIn ? 'Copy as a new template' : 'Publish new version'}
          </button>
        ) : null}
      </div>
      {description ? <p className="muted">{description}</p> : null}
      {group.builtIn ? (
        <p className="muted">Ships with Bulwark: it cannot be changed here, but a copy can be published.</p>
      ) : null}
      <table className="list" aria-label="Versions">
        <thead>
          <tr>
            <th>Version</th>
            <th>State</th>
            <th>
              <span className="muted">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...group.versions].reverse().map((v) => (
            <tr key={v.version}>
              <td>v{v.version}</td>
              <td>
                {v.deprecated ? (
                  <StatusBadge status="cancelled" label="deprecated" />
                ) : (
                  <StatusBadge status="published" label={group.builtIn ? 'built-in' : 'published'} />
                )}
              </td>
              <td className="row">
                <button
                  type="button"
                  aria-pressed={v.version === shown?.version}
                  onClick={() => setViewing(v.version)}
                >
                  View v{v.version}
                </button>
                {canPublish && !group.builtIn && !v.deprecated ? (
                  <button
                    type="button"
                    className="danger"
                    onClick={() => {
                      setError(undefined)
                      onDeprecate(v.version).catch(setError)
                    }}
                  >
                    Deprecate v{v.version}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNotice error={error} title="Could not deprecate" />
      {shown ? <JsonView label={`Content of v${shown.version}`} value={shown.template} open /> : null}
    </section>
  )
}
