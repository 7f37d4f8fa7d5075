/**
 * The QuickJS sandbox core, pure and browser-safe: executors that take an already-loaded QuickJS
 * WASM module, the limits, the result parser and the editor's type declarations. The Node host
 * (worker threads, the memory-capped module, the kill switch) lives in `server/sandbox`.
 */
export { createTypeDeclarations } from './declarations.ts'
export { SANDBOX_CODES, type SandboxCode, type SandboxFailure, sandboxError } from './errors.ts'
export { createExpressionExecutor, type ExpressionExecutor } from './expression-executor.ts'
export { DEFAULT_LIMITS, resolveLimits, type SandboxLimits } from './limits.ts'
export { parseLogs, parseResult, type SandboxLog } from './result.ts'
export { createScriptExecutor, type ScriptExecutor } from './script-executor.ts'
export type { ExecOutcome } from './vm.ts'
