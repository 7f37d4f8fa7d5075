import { randomBytes } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parsePlaybook } from '../../runtime/format/index.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import type { Stores } from '../store/index.ts'
import type { Logger } from './logger.ts'

/** The first admin: from the environment, or generated (the password is then returned to print once). */
export interface FirstAdmin {
  username: string
  /** Set only when the password was generated here. */
  generatedPassword?: string
}

/**
 * Creates the first admin when the database has no user: `BULWARK_ADMIN_USER` (default `admin`) with
 * `BULWARK_ADMIN_PASSWORD`, or a generated password the caller prints once. Does nothing (returns
 * undefined) once any user exists, so a restart never creates a second admin.
 * @example const admin = await ensureAdmin(stores, process.env)
 */
export async function ensureAdmin(
  stores: Pick<Stores, 'users' | 'audit'>,
  env: Record<string, string | undefined>,
): Promise<FirstAdmin | undefined> {
  if ((await stores.users.count()) > 0) return undefined
  const username = env.BULWARK_ADMIN_USER?.trim() || 'admin'
  const given = env.BULWARK_ADMIN_PASSWORD
  const password = given || randomBytes(18).toString('base64url')
  await stores.users.create({ username, password, role: 'admin' })
  await stores.audit.append({
    actor: 'system',
    action: 'user.create',
    target: username,
    details: { role: 'admin' },
  })
  return given ? { username } : { username, generatedPassword: password }
}

/**
 * Imports the example playbooks once (tracked in `settings`): each valid file becomes a draft and its
 * published version 1, so its webhook answers at once; invalid files are skipped with a warning.
 * @example await importExamples(stores, registry, 'examples/playbooks', log)
 */
export async function importExamples(
  stores: Pick<Stores, 'playbooks' | 'audit'>,
  registry: NodeRegistry,
  dir: string,
  log: Logger,
  isDone: () => boolean,
  markDone: () => void,
): Promise<string[]> {
  if (isDone()) return []
  const imported: string[] = []
  let names: string[] = []
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort()
  } catch {
    log('warn', 'no example playbooks found', { dir })
  }
  for (const name of names) {
    const loaded = parsePlaybook(await readFile(join(dir, name), 'utf8'), { registry })
    const errors = loaded.problems.filter((p) => p.severity === 'error')
    const playbook = loaded.ok ? loaded.playbook : undefined
    if (!playbook || errors.length > 0) {
      log('warn', 'example playbook skipped', {
        file: name,
        problems: errors.slice(0, 3).map((p) => p.message),
      })
      continue
    }
    const id = playbook.id
    if (await stores.playbooks.getDraft(id, { includeDeleted: true })) continue
    await stores.playbooks.putDraft(playbook, 'system')
    await stores.playbooks.publish(id, { note: 'imported example', actor: 'system' })
    await stores.audit.append({
      actor: 'system',
      action: 'playbook.import',
      target: id,
      details: { version: 1 },
    })
    imported.push(id)
  }
  markDone()
  return imported
}
