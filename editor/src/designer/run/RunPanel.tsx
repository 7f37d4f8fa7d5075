import { Play, Square, X } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useSession } from '../../app/session.ts'
import { ErrorNotice } from '../../lib/ErrorNotice.tsx'
import type { DesignerStore } from '../store/types.ts'
import { useDesigner } from '../store/use-designer.ts'
import { ApprovalGate } from './ApprovalGate.tsx'
import { RUN_ENDED } from './overlay.ts'
import { RunStatusBar } from './RunStatusBar.tsx'
import { RunStepPanel } from './RunStepPanel.tsx'
import { cancelRun, retryRun, startTestRun } from './run-api.ts'
import { SamplePicker } from './SamplePicker.tsx'
import { eventText, parseSampleEvent } from './sample-event.ts'
import { TraceList } from './TraceList.tsx'
import { useRunWatch } from './use-run-watch.ts'
import './run.css'

/**
 * The designer's test panel: pick a trigger event, start a test run of the saved draft in simulate
 * mode, and watch it live: node states on the canvas (through `store.setOverlay`) and in a list with
 * timings, the selected node's input, output, logs and error, approvals in place, cancel and retry.
 * The overlay is cleared when the panel closes and replaced when a new run starts.
 * @example <RunPanel store={store} playbookId="phishing-triage" />
 */
export function RunPanel({ store, playbookId }: { store: DesignerStore; playbookId: string }) {
  const canTest = useSession((s) => s.can('run.test'))
  // The panel's runs are test runs: whoever may start them may stop them.
  const canCancel = canTest
  const canDecide = useSession((s) => s.can('approval.decide'))
  const nodes = useDesigner(store, (s) => s.playbook.nodes)
  const dirty = useDesigner(store, (s) => s.dirty)
  const selection = useDesigner(store, (s) => s.selection)
  const examples = useDesigner(store, (s) => s.playbook.examples)
  // The playbook's first sample event, when it has one, is ready to run.
  const [text, setText] = useState(() => (examples?.[0] ? eventText(examples[0].event) : '{}'))
  const parsed = useMemo(() => parseSampleEvent(text), [text])
  const [simulateLookups, setSimulateLookups] = useState(false)
  const [runId, setRunId] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<unknown>()
  const watch = useRunWatch(store, runId)
  const { trace } = watch
  const live = trace !== undefined && !RUN_ENDED.has(trace.status)
  const selected = selection.length === 1 ? selection[0] : undefined
  const select = (nodeId: string) => store.getState().select([nodeId])

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    setActionError(undefined)
    try {
      await action()
    } catch (err) {
      setActionError(err)
    } finally {
      setBusy(false)
    }
  }
  const start = () =>
    act(async () => {
      if (!parsed.ok) return
      setRunId((await startTestRun(playbookId, parsed.event, simulateLookups)).runId)
    })
  const cancel = () =>
    act(async () => {
      if (runId) await cancelRun(runId)
    })
  const retry = (fromNode: string) =>
    act(async () => {
      if (runId) setRunId((await retryRun(runId, fromNode)).runId)
    })

  const waiting = trace
    ? Object.entries(trace.nodes).filter(([, n]) => n.status === 'waiting' && trace.status !== 'cancelled')
    : []
  return (
    <section className="run-panel stack" aria-label="Test run">
      <h2>Test run</h2>
      <SamplePicker
        playbookId={playbookId}
        examples={examples}
        text={text}
        parsed={parsed}
        onText={setText}
      />
      <label className="run-check">
        <input
          type="checkbox"
          checked={simulateLookups}
          onChange={(e) => setSimulateLookups(e.target.checked)}
        />
        Also answer lookups from their samples (no outside calls)
      </label>
      {dirty ? (
        <p className="alert warning" role="note">
          Unsaved changes: a test run uses the saved draft. Save first to test them.
        </p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!canTest || !parsed.ok || busy}
          title={canTest ? undefined : 'Your role cannot start test runs'}
          onClick={() => void start()}
        >
          <Play size={14} aria-hidden="true" />
          Run test (simulate)
        </button>
        {live && canCancel ? (
          <button type="button" className="danger" disabled={busy} onClick={() => void cancel()}>
            <Square size={14} aria-hidden="true" />
            Cancel run
          </button>
        ) : null}
        {trace && !live ? (
          <button type="button" className="ghost" onClick={() => setRunId(undefined)}>
            <X size={14} aria-hidden="true" />
            Clear run
          </button>
        ) : null}
      </div>
      {canTest ? null : <p className="muted">Your role can watch runs but not start them.</p>}
      <ErrorNotice error={actionError} title="Run" />
      {trace ? (
        <>
          <RunStatusBar trace={trace} watch={watch} onSelect={select} />
          {waiting.map(([nodeId, node]) => (
            <ApprovalGate
              key={nodeId}
              runId={trace.runId}
              nodeId={nodeId}
              wait={node.wait}
              canDecide={canDecide}
              refreshKey={trace.status}
            />
          ))}
          <TraceList trace={trace} nodes={nodes} selected={selected} onSelect={select} />
          {selected ? (
            <RunStepPanel
              runId={trace.runId}
              nodeId={selected}
              node={trace.nodes[selected]}
              {...(canTest && RUN_ENDED.has(trace.status) && trace.status !== 'succeeded'
                ? { onRetry: (nodeId: string) => void retry(nodeId) }
                : {})}
            />
          ) : null}
        </>
      ) : null}
    </section>
  )
}
