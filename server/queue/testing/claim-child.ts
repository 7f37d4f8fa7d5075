import { openDatabase } from '../../db/open.ts'
import { createSqliteRunStore } from '../../store/sqlite-run-store.ts'

/**
 * A separate process for the concurrent-claim test: claims runs until the queue is empty and prints
 * the ids it got, one JSON line.
 */
const [dataDir, workerId] = process.argv.slice(2) as [string, string]
const { db, close } = openDatabase({ dataDir })
const runs = createSqliteRunStore(db)
const got: string[] = []
for (;;) {
  const run = await runs.claim(workerId, 60_000)
  if (!run) break
  got.push(run.id)
}
close()
process.stdout.write(`${JSON.stringify(got)}\n`)
