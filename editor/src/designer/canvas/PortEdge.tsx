import { BaseEdge, type EdgeProps, getBezierPath } from '@xyflow/react'
import { memo } from 'react'
import type { CanvasEdge } from './flow-types.ts'

/** Approximate width of one label character at the label's font size (no DOM measuring per edge). */
const CHAR_WIDTH = 6.6

/**
 * An edge from an output port: a curve, the port name half-way when it is not the default `out`,
 * and a highlight when a run took it. The label is plain SVG so hundreds of edges stay cheap.
 */
export const PortEdge = memo(function PortEdge(props: EdgeProps<CanvasEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, markerEnd } = props
  const [path, labelX, labelY] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  })
  const port = data?.port ?? 'out'
  const width = port.length * CHAR_WIDTH + 10
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className="port-edge__path" />
      {port !== 'out' && (
        <g className="port-edge__label" transform={`translate(${labelX - width / 2}, ${labelY - 9})`}>
          <rect width={width} height={18} rx={4} />
          <text x={width / 2} y={12.5} textAnchor="middle">
            {port}
          </text>
        </g>
      )}
    </>
  )
})
