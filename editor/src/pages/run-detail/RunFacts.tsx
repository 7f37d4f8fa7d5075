import { Link } from 'wouter'
import type { Schemas } from '../../api/client.ts'
import { elapsed, formatDateTime, formatDuration } from '../../lib/format-time.ts'
import { StatusBadge } from '../../lib/StatusBadge.tsx'

/**
 * The run's status, mode, playbook version, who started it and its timings, as a definition list.
 * @example <RunFacts run={run} now={Date.now()} />
 */
export function RunFacts({ run, now }: { run: Schemas['RunDetail']; now: number }) {
  const facts: [string, React.ReactNode][] = [
    ['Status', <StatusBadge key="s" status={run.status} />],
    ['Mode', run.simulate ? `${run.mode} (simulated)` : run.mode],
    [
      'Playbook',
      <span key="p">
        <Link href={`/playbooks/${encodeURIComponent(run.playbookId)}`}>{run.playbookId}</Link>
        {run.version === null ? ' (draft)' : ` v${run.version}`}
      </span>,
    ],
    ['Started by', run.createdBy ?? 'a trigger'],
    ['Queued', formatDateTime(run.queuedAt)],
    ['Started', formatDateTime(run.startedAt)],
    ['Finished', formatDateTime(run.finishedAt)],
    ['Duration', formatDuration(elapsed(run.startedAt, run.finishedAt, now))],
  ]
  if (run.retryOfRunId)
    facts.push([
      'Retry of',
      <span key="r">
        <Link href={`/runs/${encodeURIComponent(run.retryOfRunId)}`} className="mono">
          {run.retryOfRunId}
        </Link>
        {run.retryFromNode ? ` from ${run.retryFromNode}` : ''}
      </span>,
    ])
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
