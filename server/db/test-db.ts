import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type OpenDatabase, openDatabase } from './open.ts'

/** A real database file in a fresh temp dir, for tests; `cleanup` closes it and removes the dir. */
export function tempDatabase(): OpenDatabase & { dataDir: string; reopen(): OpenDatabase; cleanup(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'bulwark-db-'))
  const opened = [openDatabase({ dataDir })]
  return {
    ...opened[0]!,
    dataDir,
    reopen() {
      const next = openDatabase({ dataDir })
      opened.push(next)
      return next
    },
    cleanup() {
      for (const o of opened) if (o.sqlite.open) o.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
