import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

let compiled: Promise<WebAssembly.Module> | undefined

/**
 * Compiles the QuickJS WASM file shipped in `@jitl/quickjs-wasmfile-release-sync` once per process
 * (never fetched from the network). Workers instantiate it with their own capped memory.
 * @example const module = await loadQuickJSWasm()
 */
export function loadQuickJSWasm(): Promise<WebAssembly.Module> {
  compiled ??= (async () => {
    const require = createRequire(import.meta.url)
    const pkg = require.resolve('@jitl/quickjs-wasmfile-release-sync/package.json')
    const bytes = await readFile(join(dirname(pkg), 'dist', 'emscripten-module.wasm'))
    return WebAssembly.compile(bytes)
  })()
  return compiled
}
