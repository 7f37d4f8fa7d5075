import { parentPort, workerData } from 'node:worker_threads'
import base from '@jitl/quickjs-wasmfile-release-sync'
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core'
import { createExpressionExecutor } from '../../runtime/sandbox/expression-executor.ts'
import { createScriptExecutor } from '../../runtime/sandbox/script-executor.ts'
import type { JobMessage, WorkerConfig, WorkerMessage } from './protocol.ts'

/**
 * A sandbox worker thread: one QuickJS module on a WASM memory with a hard `maximum`, executing
 * one job at a time synchronously. Housekeeping (disposing spent runtimes, warming new ones) runs
 * between jobs. The supervisor kills this thread if a job outlives its deadline.
 */
const config = workerData as WorkerConfig
const port = parentPort!
const memory = new WebAssembly.Memory({ initial: 256, maximum: config.maxPages })
const module = await newQuickJSWASMModuleFromVariant(
  newVariant(base, { wasmModule: config.wasm, wasmMemory: memory }),
)
const now = () => performance.now()
const scripts = createScriptExecutor(module, config.limits, now, config.warm)
const expressions = createExpressionExecutor(module, config.limits, now)
let maintaining = false

const post = (m: WorkerMessage) => port.postMessage(m)

function maintain() {
  maintaining = false
  if (scripts.maintain()) schedule()
}

function schedule() {
  if (maintaining) return
  maintaining = true
  setImmediate(maintain)
}

port.on('message', (job: JobMessage) => {
  const outcome =
    job.kind === 'script' ? scripts.run(job.code, job.scope) : expressions.evaluate(job.code, job.scope)
  const wasmBytes = memory.buffer.byteLength
  const retire = (!outcome.ok && outcome.fatal === true) || wasmBytes > config.retireAboveBytes
  post({ type: 'done', id: job.id, outcome, wasmBytes, retire })
  if (!retire) schedule()
})

while (scripts.maintain()) {}
expressions.evaluate('0', '{}')
post({ type: 'ready', wasmBytes: memory.buffer.byteLength })
