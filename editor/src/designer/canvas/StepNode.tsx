import { Handle, type NodeProps, Position } from '@xyflow/react'
import { memo } from 'react'
import { formatDuration } from '../../lib/format-time.ts'
import { INPUT_HANDLE, type StepFlowNode } from './flow-types.ts'
import { hasPortRows } from './node-geometry.ts'
import { iconFor } from './node-icons.ts'

/**
 * A playbook node on the canvas: icon, title, id and type, a problem badge, the run status from the
 * overlay, one input handle and one labelled handle per output port (handle ids are port names).
 * Memoised: React Flow hands it a new `data` object only when something it shows changed. Its rows
 * have the fixed heights of `node-geometry.ts`, where React Flow learns the handle positions.
 */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<StepFlowNode>) {
  const Icon = iconFor(data.icon)
  const overlay = data.overlay
  const onlyOut = !hasPortRows(data)
  const problems = data.errors + data.warnings
  return (
    <div
      className="step-node"
      data-selected={selected || undefined}
      data-status={overlay?.status}
      data-diff={data.diff}
      data-unknown={data.unknownType || undefined}
      data-testid={`node-${data.nodeId}`}
    >
      {data.hasInput && (
        <Handle type="target" position={Position.Left} id={INPUT_HANDLE} aria-label={`${data.title} input`} />
      )}
      <div className="step-node__head">
        <Icon className="step-node__icon" size={16} aria-hidden="true" />
        <span className="step-node__title">{data.title}</span>
        {problems > 0 && (
          <span
            className="step-node__problems"
            data-severity={data.errors > 0 ? 'error' : 'warning'}
            title={`${data.errors} errors, ${data.warnings} warnings`}
            role="img"
            aria-label={`${problems} problem${problems === 1 ? '' : 's'}`}
          >
            {problems}
          </span>
        )}
      </div>
      <div className="step-node__meta mono">
        <span className="step-node__id">{data.nodeId}</span>
        <span className="step-node__type">
          {data.unknownType ? `unknown type ${data.type}@${data.version}` : data.type}
        </span>
      </div>
      {overlay && (
        <div className="step-node__status" data-status={overlay.status}>
          <span>{overlay.status}</span>
          {overlay.attempt !== undefined && overlay.attempt > 1 && <span>attempt {overlay.attempt}</span>}
          {overlay.durationMs !== undefined && <span>{formatDuration(overlay.durationMs)}</span>}
        </div>
      )}
      <div className="step-node__ports" data-single={onlyOut || undefined}>
        {data.ports.map((port) => (
          <div
            className="step-node__port"
            key={port}
            data-stray={data.strayPorts.includes(port) || undefined}
          >
            {!onlyOut && <span className="step-node__port-label">{port}</span>}
            <Handle
              type="source"
              position={Position.Right}
              id={port}
              aria-label={`${data.title} output ${port}`}
            />
          </div>
        ))}
      </div>
    </div>
  )
})
