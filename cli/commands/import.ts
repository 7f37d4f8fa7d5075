import { toCanonical } from '../../runtime/format/index.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { expandArgs, isPlaybookFile } from '../find-files.ts'
import { formatProblems, loadPlaybookFile } from '../load-playbook.ts'
import {
  call,
  canonicalText,
  problemLine,
  ServerError,
  type ServerTarget,
  serverTarget,
} from '../server-client.ts'

export interface ImportOptions {
  /** Publish each imported playbook whose draft is not its latest version, with this note. */
  publish?: string
  server?: string
  token?: string
}

/**
 * `bulwark import <files|dirs…> [--publish <note>]`: makes the server's drafts equal to the files (the
 * files in git are the source of truth). Each file is validated here first; a new id is created, a
 * changed one replaces the draft, an identical one is left alone (no new draft revision). With
 * `--publish`, a draft that differs from the latest published version becomes a new version.
 * Exit 0, 2 when a file is invalid or refused (its problems are listed) or the token may not do it,
 * 1 when the server failed.
 */
export async function importCommand(
  args: string[],
  opts: ImportOptions,
  registry: NodeRegistry,
  out: Pick<Console, 'log' | 'error'> = console,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  let target: ServerTarget
  try {
    target = serverTarget(opts, env)
  } catch (err) {
    if (!(err instanceof ServerError)) throw err
    out.error(err.message)
    return err.exitCode
  }
  let code = 0
  for (const file of await expandArgs(args, isPlaybookFile)) {
    const loaded = await loadPlaybookFile(file, registry)
    if (!loaded.playbook) {
      for (const line of formatProblems(file, loaded.problems)) out.error(line)
      code = Math.max(code, 2)
      continue
    }
    try {
      out.log(`${file}: ${await importOne(target, toCanonical(loaded.playbook), opts.publish)}`)
    } catch (err) {
      if (!(err instanceof ServerError)) throw err
      out.error(`${file}: ${err.message}`)
      for (const p of err.problems) out.error(problemLine(file, p))
      code = Math.max(code, err.exitCode)
      // Nothing else will work without the server.
      if (err.status === 0) break
    }
  }
  return code
}

async function importOne(target: ServerTarget, canonical: string, publish?: string): Promise<string> {
  const doc = JSON.parse(canonical) as { id: string }
  const base = `/api/playbooks/${encodeURIComponent(doc.id)}`
  const current = await call<{ playbook: unknown }>(target, 'GET', base)
  let outcome: string
  if (current.status === 404) {
    await call(target, 'POST', '/api/playbooks', doc)
    outcome = `created ${doc.id}`
  } else if (canonicalText(current.body.playbook) === canonical) {
    outcome = `${doc.id} unchanged`
  } else {
    await call(target, 'PUT', base, doc)
    outcome = `updated the draft of ${doc.id}`
  }
  if (publish === undefined) return outcome
  const versions = (await call<{ items: { version: number }[] }>(target, 'GET', `${base}/versions`)).body
    .items
  const latest = versions.at(-1)
  if (latest) {
    const v = await call<{ playbook: unknown }>(target, 'GET', `${base}/versions/${latest.version}`)
    if (canonicalText(v.body.playbook) === canonical)
      return `${outcome}; version ${latest.version} is already this file`
  }
  const made = await call<{ version: number }>(target, 'POST', `${base}/publish`, { note: publish })
  return `${outcome}; published version ${made.body.version}`
}
