import { useDeferredValue, useMemo, useState } from 'react'
import type { IntegrationTemplate } from '../../../../nodes/templates/schema.ts'
import { CodeEditor } from '../../lib/CodeEditor.tsx'
import { ErrorNotice, ProblemList } from '../../lib/ErrorNotice.tsx'
import { checkTemplateText, type PublishedVersion } from './check-template.ts'
import { convertText, type TemplateLanguage } from './template-text.ts'

/**
 * The "Publish new version" editor: JSON or YAML text, validated as you type with every problem and
 * its path, a test call on the current text, and Publish once it is valid.
 * @example <TemplateEditor initialText={text} published={items} onPublish={publish} onTestCall={test} onCancel={close} />
 */
export function TemplateEditor({
  initialText,
  initialLanguage = 'yaml',
  published,
  onPublish,
  onTestCall,
  onCancel,
}: {
  initialText: string
  initialLanguage?: TemplateLanguage
  published: readonly PublishedVersion[]
  onPublish(template: IntegrationTemplate): Promise<void>
  onTestCall(template: IntegrationTemplate): void
  onCancel(): void
}) {
  const [text, setText] = useState(initialText)
  const [language, setLanguage] = useState<TemplateLanguage>(initialLanguage)
  const [error, setError] = useState<unknown>()
  const [busy, setBusy] = useState(false)
  const deferred = useDeferredValue(text)
  const check = useMemo(
    () => checkTemplateText(deferred, language, published),
    [deferred, language, published],
  )
  const stale = deferred !== text

  function switchLanguage(next: TemplateLanguage) {
    const converted = convertText(text, next)
    if (converted !== undefined) setText(converted)
    setLanguage(next)
  }

  async function publish() {
    if (!check.ok) return
    setBusy(true)
    setError(undefined)
    try {
      await onPublish(check.template)
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="stack" aria-label="Publish a template version">
      <div className="page-header">
        <h2 style={{ margin: 0, marginRight: 'auto' }}>Publish a template version</h2>
        <label>
          Format
          <select value={language} onChange={(e) => switchLanguage(e.target.value as TemplateLanguage)}>
            <option value="yaml">YAML</option>
            <option value="json">JSON</option>
          </select>
        </label>
      </div>
      <CodeEditor
        language={language}
        value={text}
        onChange={setText}
        ariaLabel="Template text"
        height={460}
      />
      {check.ok ? (
        <div className="alert success" role="status">
          {check.unchanged
            ? `${check.template.id} v${check.template.version} is already published with this content: publishing changes nothing.`
            : `Valid: ready to publish ${check.template.id} v${check.template.version}.`}
        </div>
      ) : (
        <div className="alert warning" role="status">
          {check.problems.length} problem{check.problems.length === 1 ? '' : 's'}
          {stale ? ' (checking…)' : ''}
          <ProblemList problems={check.problems} label="Template problems" />
        </div>
      )}
      <ErrorNotice error={error} title="The server refused the template" />
      <div className="row">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          disabled={!check.template}
          onClick={() => check.template && onTestCall(check.template)}
        >
          Test call
        </button>
        <button
          type="button"
          className="primary"
          disabled={!check.ok || busy || stale}
          onClick={() => void publish()}
        >
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      </div>
    </section>
  )
}
