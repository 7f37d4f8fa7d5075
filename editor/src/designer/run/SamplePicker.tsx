import { useId, useState } from 'react'
import type { PlaybookExample } from '../../../../runtime/format/schema.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import { formatAgo } from '../../lib/format-time.ts'
import { statusLabel } from '../../lib/status.ts'
import { useLoad } from '../../lib/useLoad.ts'
import { getRun, listRecentRuns } from './run-api.ts'
import { eventText, type ParsedEvent } from './sample-event.ts'

/**
 * The trigger event of a test run: one of the playbook's own sample events (`examples` in its file),
 * typed or pasted JSON (with the parse error shown under it), or copied from a past run.
 * @example <SamplePicker playbookId="phishing-triage" text={text} parsed={parsed} onText={setText} />
 */
export function SamplePicker({
  playbookId,
  examples = [],
  text,
  parsed,
  onText,
}: {
  playbookId: string
  examples?: readonly PlaybookExample[]
  text: string
  parsed: ParsedEvent
  onText(text: string): void
}) {
  const id = useId()
  const runs = useLoad(playbookId, () => listRecentRuns(playbookId))
  const [picked, setPicked] = useState('')
  const [pickError, setPickError] = useState<unknown>()

  const pick = async (runId: string) => {
    setPicked(runId)
    setPickError(undefined)
    if (!runId) return
    try {
      onText(eventText((await getRun(runId)).trigger))
    } catch (err) {
      setPickError(err)
    }
  }

  const past = runs.data ?? []
  return (
    <div className="run-sample stack">
      {examples.length > 0 ? (
        <label>
          Sample event of this playbook
          <select
            defaultValue=""
            onChange={(e) => {
              const example = examples[Number(e.target.value)]
              if (!example) return
              setPicked('')
              onText(eventText(example.event))
            }}
          >
            <option value="" disabled>
              Choose a sample…
            </option>
            {examples.map((example, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: examples have no id; their order is their identity
              <option key={i} value={i}>
                {example.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        Event of a past run
        <select value={picked} onChange={(e) => void pick(e.target.value)} disabled={past.length === 0}>
          <option value="">
            {runs.loading ? 'Loading runs…' : past.length === 0 ? 'No past runs' : 'Choose a run…'}
          </option>
          {past.map((r) => (
            <option key={r.id} value={r.id}>
              {`${formatAgo(r.queuedAt)} · ${r.mode} · ${statusLabel(r.status)} · ${r.id}`}
            </option>
          ))}
        </select>
      </label>
      <ErrorNotice error={runs.error ?? pickError} title="Past runs" />
      <label>
        Trigger event (JSON)
        <textarea
          className="mono"
          rows={8}
          spellCheck={false}
          value={text}
          aria-invalid={!parsed.ok}
          aria-describedby={parsed.ok ? undefined : `${id}-error`}
          onChange={(e) => {
            setPicked('')
            onText(e.target.value)
          }}
        />
      </label>
      {parsed.ok ? null : (
        <p id={`${id}-error`} className="run-sample-error" role="status">
          {parsed.message}
        </p>
      )}
    </div>
  )
}
