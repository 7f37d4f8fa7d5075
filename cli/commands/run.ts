import { readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { createEngine } from '../../runtime/engine/engine.ts'
import type { EngineDeps, RunEvent, RunResult } from '../../runtime/engine/types.ts'
import type { NodeRegistry, RunMode } from '../../runtime/node-type.ts'
import { folderLoader, formatProblems, loadPlaybookFile } from '../load-playbook.ts'
import { formatEvent } from '../print-trace.ts'

export interface RunOptions {
  event?: string
  mode?: RunMode
  json?: boolean
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

/**
 * `bulwark run <playbook> [--event file] [--mode test|production]`: runs a playbook and prints its
 * live trace. Test mode (the default) simulates nodes that have side effects.
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
  if (!loaded.playbook) return 2
  let trigger: unknown
  try {
    trigger = await readEvent(opts.event)
  } catch (err) {
    out.error(err instanceof Error ? err.message : String(err))
    return 2
  }
  const engine = createEngine({ registry, playbooks: await folderLoader(dirname(file), registry), ...extra })
  const onEvent = (e: RunEvent) => out.log(opts.json ? JSON.stringify(e) : formatEvent(e, opts.color ?? true))
  const result: RunResult = await engine.start(loaded.playbook, {
    trigger,
    mode: opts.mode ?? 'test',
    onEvent,
  })
  if (opts.stateOut) await writeFile(opts.stateOut, `${JSON.stringify(result.state, null, 2)}\n`)
  if (!opts.json && result.outputs && Object.keys(result.outputs).length > 0) {
    out.log(`outputs: ${JSON.stringify(result.outputs, null, 2)}`)
  }
  return result.status === 'succeeded' || result.status === 'waiting' ? 0 : 1
}
