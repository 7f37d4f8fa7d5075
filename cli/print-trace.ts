import pc from 'picocolors'
import type { RunEvent } from '../runtime/engine/types.ts'

/** How long a printed output may be before it is shortened. */
const MAX_PREVIEW = 160

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW)}…` : text
}

/**
 * Formats one trace event as a line for a terminal.
 * @example formatEvent({ type: 'node.skipped', nodeId: 'x', reason: 'no live input', seq: 3, runId: 'r', at: 0 })
 */
export function formatEvent(e: RunEvent, color = true): string {
  const c = color ? pc : pc.createColors(false)
  const seq = c.dim(String(e.seq).padStart(3))
  switch (e.type) {
    case 'run.started':
      return `${seq} ${c.bold('run started')} ${e.playbookId} (${e.mode}${e.resumed ? ', resumed' : ''})`
    case 'node.started':
      return `${seq} ${c.cyan('▶')} ${e.nodeId}${e.attempt > 1 ? c.dim(` attempt ${e.attempt}`) : ''}`
    case 'node.succeeded':
      return `${seq} ${c.green('✔')} ${e.nodeId} ${c.dim(`${e.durationMs}ms`)} ${c.dim(`→ ${e.ports.join(',')}`)}${
        e.simulated ? c.yellow(' (simulated)') : ''
      } ${preview(e.output)}`
    case 'node.failed':
      return `${seq} ${c.red('✖')} ${e.nodeId} ${c.red(e.code)} ${e.message}${
        e.handling === 'fail' ? '' : c.dim(` (${e.handling})`)
      }`
    case 'node.retrying':
      return `${seq} ${c.yellow('↻')} ${e.nodeId} retry ${e.attempt} in ${e.delayMs}ms after ${e.code}`
    case 'node.skipped':
      return `${seq} ${c.dim(`○ ${e.nodeId} skipped (${e.reason})`)}`
    case 'node.waiting':
      return `${seq} ${c.magenta('⏸')} ${e.nodeId} waiting ${preview(e.wait)}`
    case 'node.cancelled':
      return `${seq} ${c.dim(`⊘ ${e.nodeId} cancelled`)}`
    case 'node.log':
      return `${seq}   ${c.dim(`${e.nodeId} [${e.level}]`)} ${e.message}`
    case 'run.finished': {
      const status =
        e.status === 'succeeded'
          ? c.green(e.status)
          : e.status === 'waiting'
            ? c.magenta(e.status)
            : c.red(e.status)
      const err = e.error
        ? ` ${e.error.code}: ${e.error.message}${e.error.nodeId ? ` (node ${e.error.nodeId})` : ''}`
        : ''
      return `${seq} ${c.bold('run finished')} ${status} in ${e.durationMs}ms${err}`
    }
  }
}
