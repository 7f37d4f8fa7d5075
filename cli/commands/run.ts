import { readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createEngine } from '../../runtime/engine/engine.ts'
import type { EngineDeps, RunEvent, RunResult } from '../../runtime/engine/types.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { folderLoader, formatProblems, loadPlaybookFile } from '../load-playbook.ts'
import { formatEvent } from '../print-trace.ts'

export interface RunOptions {
  event?: string
  /** Test mode: side-effecting nodes return their sample response instead of calling out. */
  simulate?: boolean
  /** With `simulate`: external lookups answer from their sample responses too (no network). */
  offline?: boolean
  /** One JSON summary object on stdout instead of the live trace. */
  json?: boolean
  /** Every trace event as a JSON line. */
  events?: boolean
  stateOut?: string
  color?: boolean
}

async function readEvent(file: string | undefined): Promise<unknown> {
  if (!file) return {}
  const text = await readFile(file, 'utf8')
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new Error(
      `${file}: the event is not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    )
  }
}

/** The `--json` summary: status, outputs, error and one entry per node. */
export function runSummary(result: RunResult) {
  return {
    status: result.status,
    output: result.outputs ?? null,
    ...(result.error
      ? { error: { code: result.error.code, message: result.error.message, nodeId: result.error.nodeId } }
      : {}),
    steps: Object.entries(result.state.nodes).map(([node, s]) => ({
      node,
      status: s.status,
      ...(s.ports ? { ports: s.ports } : {}),
      ...(s.simulated ? { simulated: true } : {}),
      ...(s.error ? { error: { code: s.error.code, message: s.error.message } } : {}),
    })),
  }
}

/**
 * `bulwark run <playbook> --event <file> [--simulate] [--json]`: runs a playbook and prints its live
 * trace, then its outputs. Exit code 0 when it succeeded (or waits for a decision), 1 when it failed,
 * 2 for invalid input.
 */
export async function runCommand(
  file: string,
  opts: RunOptions,
  registry: NodeRegistry,
  extra: Partial<EngineDeps> = {},
  out = console,
): Promise<number> {
  const loaded = await loadPlaybookFile(file, registry)
  for (const line of formatProblems(file, loaded.problems)) out.error(line)
  if (!loaded.playbook || loaded.problems.some((p) => p.severity === 'error')) return 2
  let trigger: unknown
  try {
    trigger = await readEvent(opts.event)
  } catch (err) {
    out.error(err instanceof Error ? err.message : String(err))
    return 2
  }
  const engine = createEngine({ registry, playbooks: await folderLoader(dirname(file), registry), ...extra })
  const onEvent = opts.json
    ? undefined
    : (e: RunEvent) => out.log(opts.events ? JSON.stringify(e) : formatEvent(e, opts.color ?? true))
  const mode = opts.simulate ? 'test' : 'production'
  const simulate = opts.offline ? { external: true } : undefined
  const result = await engine.start(loaded.playbook, { trigger, mode, simulate, onEvent })
  if (opts.stateOut) await writeFile(opts.stateOut, `${JSON.stringify(result.state, null, 2)}\n`)
  if (opts.json) out.log(JSON.stringify(runSummary(result), null, 2))
  else if (!opts.events && result.outputs && Object.keys(result.outputs).length > 0) {
    out.log(`outputs: ${JSON.stringify(result.outputs, null, 2)}`)
  }
  return result.status === 'succeeded' || result.status === 'waiting' ? 0 : 1
}
