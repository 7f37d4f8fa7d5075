import { parentPort, workerData } from 'node:worker_threads'
import base from '@jitl/quickjs-wasmfile-release-sync'
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core'
import { createExpressionExecutor } from '../../runtime/sandbox/expression-executor.ts'
import type { ExecOutcome } from '../../runtime/sandbox/vm.ts'
import { CH, type ChannelConfig } from './protocol.ts'

/**
 * The expression worker: one QuickJS module on a WASM memory with a hard `maximum` and one frozen
 * expression realm, answering requests over a SharedArrayBuffer. Between requests it spins a
 * little (a burst of expressions then costs a few µs each), then sleeps in `Atomics.wait`. The host
 * kills it when an evaluation outlives its deadline (a hang in QuickJS's C code).
 */
const config = workerData as ChannelConfig
const memory = new WebAssembly.Memory({ initial: 256, maximum: config.maxPages })
const module = await newQuickJSWASMModuleFromVariant(
  newVariant(base, { wasmModule: config.wasm, wasmMemory: memory }),
)
const expressions = createExpressionExecutor(module, config.limits, () => performance.now())
const ctl = new Int32Array(config.sab, 0, CH.HEADER_BYTES / 4)
const data = Buffer.from(config.sab, CH.HEADER_BYTES)

function answer(outcome: ExecOutcome) {
  const [kind, text] = outcome.ok ? [0, outcome.json] : [1, JSON.stringify({ failure: outcome.failure })]
  const fits = text.length * 3 <= data.length || Buffer.byteLength(text) <= data.length
  ctl[CH.RES_BYTES] = fits ? data.write(text, 0, 'utf8') : 0
  ctl[CH.RES_KIND] = fits ? kind : 2
  const bytes = memory.buffer.byteLength
  ctl[CH.WASM_PAGES] = bytes / 65536
  ctl[CH.RETIRE] = (!outcome.ok && outcome.fatal === true) || bytes > config.retireAboveBytes ? 1 : 0
}

/**
 * Answers requests forever: after one, it spins for the next for `spinUs` (a burst of expressions
 * then costs a few µs each), then sleeps in `Atomics.wait` on `REQ` (no CPU used while idle) until
 * the host bumps it and notifies. `SLEEP` tells the host the worker is asleep.
 */
function serve(): never {
  for (;;) {
    const spinUntil = performance.now() + config.spinUs / 1000
    while (Atomics.load(ctl, CH.REQ) === seen && performance.now() < spinUntil) {}
    if (Atomics.load(ctl, CH.REQ) === seen) {
      Atomics.store(ctl, CH.SLEEP, 1)
      Atomics.wait(ctl, CH.REQ, seen)
      Atomics.store(ctl, CH.SLEEP, 0)
      continue
    }
    if (Atomics.load(ctl, CH.STOP) !== 0) process.exit(0)
    seen = Atomics.load(ctl, CH.REQ)
    const codeEnd = ctl[CH.CODE_BYTES]!
    const code = data.toString('utf8', 0, codeEnd)
    const scope = data.toString('utf8', codeEnd, codeEnd + ctl[CH.SCOPE_BYTES]!)
    let outcome: ExecOutcome
    try {
      outcome = expressions.evaluate(code, scope)
    } catch (e) {
      outcome = { ok: false, failure: { code: 'SCRIPT_ERROR', message: String(e) }, logs: '', fatal: true }
    }
    answer(outcome)
    Atomics.store(ctl, CH.RES, seen)
    Atomics.notify(ctl, CH.RES)
    if (Atomics.load(ctl, CH.ASYNC) === seen) parentPort!.postMessage({ type: 'answered' })
  }
}

let seen = 0
expressions.evaluate('0', '{}')
parentPort!.postMessage({ type: 'ready', wasmBytes: memory.buffer.byteLength })
serve()
