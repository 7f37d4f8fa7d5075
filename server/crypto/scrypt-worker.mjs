// The password hashing thread (plain JavaScript: it runs the same from source and from the bundle).
import { scryptSync } from 'node:crypto'
import { parentPort } from 'node:worker_threads'

parentPort.on('message', ({ id, password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, salt, keyLength, options)
    parentPort.postMessage({ id, key })
  } catch (err) {
    parentPort.postMessage({ id, error: String(err?.message ?? err) })
  }
})
