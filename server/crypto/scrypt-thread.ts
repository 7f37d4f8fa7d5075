import type { ScryptOptions } from 'node:crypto'
import { Worker } from 'node:worker_threads'

interface Pending {
  resolve(key: Buffer): void
  reject(err: Error): void
}

interface HashThread {
  worker: Worker
  pending: Map<number, Pending>
  idle?: ReturnType<typeof setTimeout>
}

/** The thread ends this long after its last hash: its V8 heap goes, its allocator arena is reused. */
const IDLE_MS = 1000

let current: HashThread | undefined
let seq = 0

function start(): HashThread {
  const t: HashThread = {
    worker: new Worker(new URL('./scrypt-worker.mjs', import.meta.url)),
    pending: new Map(),
  }
  const retire = () => {
    if (current === t) current = undefined
  }
  t.worker.on('message', (m: { id: number; key?: Uint8Array; error?: string }) => {
    const p = t.pending.get(m.id)
    t.pending.delete(m.id)
    if (m.key) p?.resolve(Buffer.from(m.key))
    else p?.reject(new Error(m.error ?? 'scrypt failed'))
    if (t.pending.size > 0) return
    t.worker.unref()
    t.idle = setTimeout(() => {
      retire()
      void t.worker.terminate()
    }, IDLE_MS)
    t.idle.unref()
  })
  const gone = (err: Error) => {
    retire()
    for (const p of t.pending.values()) p.reject(err)
    t.pending.clear()
  }
  t.worker.on('error', gone)
  t.worker.on('exit', () => gone(new Error('the password hashing thread exited')))
  return t
}

/**
 * `crypto.scrypt` on one dedicated thread instead of libuv's pool. scrypt's 16 MB work buffer stays
 * resident in the C allocator's arena of whichever thread ran it, so on the pool every thread that
 * ever hashed a password kept 16 MB (64 MB after a few logins); here one thread does, and it ends when
 * idle (the next one reuses that memory). Hashes run one at a time, which the login limiter makes no
 * bottleneck.
 * @example const key = await scryptOnThread('secret', salt, 32, { N: 16384, r: 8, p: 1 })
 */
export function scryptOnThread(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: ScryptOptions,
): Promise<Buffer> {
  current ??= start()
  const t = current
  clearTimeout(t.idle)
  t.worker.ref()
  const id = ++seq
  return new Promise((resolve, reject) => {
    t.pending.set(id, { resolve, reject })
    t.worker.postMessage({ id, password, salt, keyLength, options })
  })
}
