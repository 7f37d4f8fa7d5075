import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { call, canonicalText, ServerError, serverTarget } from '../server-client.ts'

export interface ExportOptions {
  all?: boolean
  /** A published version instead of the draft (one playbook only). */
  version?: string
  /** A folder (default `.`), or `-` for stdout (one playbook only). */
  out?: string
  server?: string
  token?: string
}

/**
 * `bulwark export <ids…> | --all [--version N] [--out dir|-]`: writes each playbook's draft (or a
 * published version) as `<id>.json` in canonical form, the file `bulwark import` and git expect.
 * Exit 0, or 2 for a usage error, a missing playbook or a refused token, 1 if the server failed.
 */
export async function exportCommand(
  ids: string[],
  opts: ExportOptions,
  out: Pick<Console, 'log' | 'error'> = console,
  env: Record<string, string | undefined> = process.env,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  try {
    const version = opts.version === undefined ? undefined : Number(opts.version)
    if (version !== undefined && !(Number.isInteger(version) && version > 0))
      throw new ServerError(400, 'USAGE', `--version: "${opts.version}" is not a version number`)
    if (opts.all && ids.length > 0)
      throw new ServerError(400, 'USAGE', 'give playbook ids or --all, not both')
    const target = serverTarget(opts, env)
    const wanted = opts.all
      ? (await call<{ items: { id: string }[] }>(target, 'GET', '/api/playbooks')).body.items.map((p) => p.id)
      : ids
    if (wanted.length === 0) throw new ServerError(400, 'USAGE', 'no playbook to export: give ids or --all')
    const toStdout = opts.out === '-'
    if ((toStdout || version !== undefined) && wanted.length !== 1)
      throw new ServerError(400, 'USAGE', '--out - and --version take exactly one playbook')
    const dir = opts.out && !toStdout ? opts.out : '.'
    if (!toStdout) await mkdir(dir, { recursive: true })

    let code = 0
    for (const id of wanted) {
      // Ids are slugs; anything else (from a server answer) never becomes a path.
      if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) {
        out.error(`"${id}" is not a playbook id`)
        code = 2
        continue
      }
      const path =
        version === undefined
          ? `/api/playbooks/${encodeURIComponent(id)}`
          : `/api/playbooks/${encodeURIComponent(id)}/versions/${version}`
      const { status, body } = await call<{ playbook: unknown }>(target, 'GET', path)
      if (status === 404) {
        out.error(`${id}: no such playbook${version === undefined ? '' : ` version ${version}`}`)
        code = 2
        continue
      }
      const text = canonicalText(body.playbook)
      if (toStdout) write(text)
      else {
        const file = join(dir, `${id}.json`)
        await writeFile(file, text)
        out.log(`${id}${version === undefined ? '' : `@${version}`} → ${file}`)
      }
    }
    return code
  } catch (err) {
    if (!(err instanceof ServerError)) throw err
    out.error(err.message)
    return err.exitCode
  }
}
