import { useMemo, useState } from 'react'
import type { IntegrationTemplate } from '../../../../nodes/templates/schema.ts'
import { ProblemList } from '../../lib/ErrorNotice.tsx'
import { JsonView } from '../../lib/JsonView.tsx'
import { defaultParams, simulateCall, type TestCallResult } from './test-call.ts'

/**
 * A test call in simulate mode: the template's sample output, then params → rendered request (never
 * sent) → a pasted response mapped through the template, all in the browser.
 * @example <TestCallPanel template={t} onClose={close} />
 */
export function TestCallPanel({ template, onClose }: { template: IntegrationTemplate; onClose(): void }) {
  const [params, setParams] = useState(() => JSON.stringify(defaultParams(template), null, 2))
  const [status, setStatus] = useState('200')
  const [body, setBody] = useState('{}')
  const [result, setResult] = useState<TestCallResult>()
  const statusProblem = useMemo(
    () => (/^[1-5]\d\d$/.test(status.trim()) ? undefined : 'a status between 100 and 599'),
    [status],
  )

  function run() {
    if (statusProblem) return
    setResult(simulateCall(template, params, { status: Number(status), body }))
  }

  return (
    <section className="card stack" aria-label={`Test call of ${template.id} v${template.version}`}>
      <div className="page-header">
        <h2 style={{ margin: 0, marginRight: 'auto' }}>
          Test call (simulate) · <span className="mono">{template.id}</span> v{template.version}
        </h2>
        <button type="button" onClick={onClose}>
          Close test call
        </button>
      </div>
      <p className="muted">
        Nothing is sent: the request is only rendered, and the response below is mapped as the node would map
        the vendor's answer. Test runs of playbooks return the sample output.
      </p>
      <JsonView label="Sample output (returned by test runs)" value={template.sample} />
      <label>
        Params (JSON)
        <textarea rows={5} value={params} spellCheck={false} onChange={(e) => setParams(e.target.value)} />
      </label>
      <div className="row" style={{ alignItems: 'flex-start' }}>
        <label>
          Response status
          <input
            inputMode="numeric"
            value={status}
            style={{ width: 90 }}
            aria-invalid={statusProblem ? true : undefined}
            onChange={(e) => setStatus(e.target.value)}
          />
          {statusProblem ? <span className="problem-path">{statusProblem}</span> : null}
        </label>
        <label style={{ flex: 1 }}>
          Response body
          <textarea rows={6} value={body} spellCheck={false} onChange={(e) => setBody(e.target.value)} />
        </label>
      </div>
      <div className="row">
        <button type="button" className="primary" onClick={run} disabled={statusProblem !== undefined}>
          Run test call
        </button>
      </div>
      {result ? <TestCallOutcome result={result} /> : null}
    </section>
  )
}

function TestCallOutcome({ result }: { result: TestCallResult }) {
  if (!result.ok)
    return (
      <div className="alert" role="alert">
        {result.stage === 'params' ? 'The params are invalid' : 'The request cannot be built'}
        <ProblemList problems={result.problems} label="Test call problems" />
      </div>
    )
  const { request, auth, outcome } = result
  return (
    <section className="stack" aria-label="Test call result">
      <h3 style={{ margin: 0 }}>Request (not sent)</h3>
      <pre className="block">
        {`${request.method} ${request.url}\n${Object.entries(request.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n')}\nauthentication: ${auth}${request.body === undefined ? '' : `\n\n${request.body}`}`}
      </pre>
      {'output' in outcome ? (
        <JsonView label="Mapped output" value={outcome.output} open />
      ) : (
        <div className="alert" role="alert">
          The response maps to an error: <strong>{outcome.error.code}</strong> {outcome.error.message}
        </div>
      )}
    </section>
  )
}
