import { workerData } from 'node:worker_threads'
import { createExpressionExecutor } from '../../runtime/sandbox/expression-executor.ts'
import type { ChannelConfig } from './protocol.ts'
import { openLinkWorker } from './serve-link.ts'

/**
 * The expression worker: one frozen expression realm answering requests over its link (see
 * `openLinkWorker`). The host kills it when an evaluation outlives its deadline (a hang in
 * QuickJS's C code).
 */
const config = workerData as ChannelConfig
const { module, clock, serve } = await openLinkWorker(config)
const expressions = createExpressionExecutor(module, config.limits, clock.now)
expressions.evaluate('0', '{}')
serve({ run: (_kind, code, scope) => expressions.evaluate(code, scope) })
