// The WAL checkpointer's thread (plain JavaScript: it runs the same from source and from the bundle).
// Copies committed WAL frames into the database file on its own connection, so neither that work nor
// its fsyncs stall the event loop. PASSIVE never waits for, or blocks, the server's readers and writer.
// Each checkpoint reports the log's size and how much of it is copied; 'now' asks for one at once.
import { createRequire } from 'node:module'
import { parentPort, workerData } from 'node:worker_threads'

const Database = createRequire(workerData.resolveFrom)('better-sqlite3')
const db = new Database(workerData.path, { fileMustExist: true })
db.pragma('busy_timeout = 1000')
let timer
let stopped = false

function tick() {
  clearTimeout(timer)
  try {
    // Busy when the writer holds the lock: the next tick copies what is left.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)')
    parentPort.postMessage({ log: result?.log ?? 0, checkpointed: result?.checkpointed ?? 0 })
  } catch (err) {
    parentPort.postMessage({ error: String(err?.message ?? err) })
  }
  timer = setTimeout(tick, workerData.everyMs)
}

parentPort.on('message', (m) => {
  if (stopped) return
  if (m === 'now') return tick()
  if (m !== 'stop') return
  stopped = true
  clearTimeout(timer)
  db.close()
  parentPort.close()
})
tick()
