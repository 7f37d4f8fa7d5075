import { createHash } from 'node:crypto'
import type { Alert } from '../../nodes/trigger/alert/shape.ts'
import type { NewAlert } from '../store/sqlite-alert-intake.ts'

/** Raw payloads are stored up to this size (JSON text); larger ones as a marker with a preview. */
export const MAX_RAW_BYTES = 64 * 1024
const PREVIEW_CHARS = 4096
/** Longer grouping keys are stored as their SHA-256. */
const MAX_KEY_CHARS = 256

/**
 * The raw payload as stored: the JSON text, or `{ $truncated, bytes, preview }` when too large.
 * @example boundedRaw({ a: 1 }) // '{"a":1}'
 */
export function boundedRaw(payload: unknown): string {
  const text = JSON.stringify(payload ?? null)
  const bytes = Buffer.byteLength(text)
  if (bytes <= MAX_RAW_BYTES) return text
  return JSON.stringify({ $truncated: true, bytes, preview: text.slice(0, PREVIEW_CHARS) })
}

/**
 * A grouping key short enough to index: as is, or `sha256:<hex>` when long.
 * @example boundedKey('r1:web-1') // 'r1:web-1'
 */
export function boundedKey(key: string): string {
  return key.length <= MAX_KEY_CHARS ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`
}

/** The stored columns of a normalized alert. */
export function alertRowOf(alert: Alert): NewAlert {
  const eventAt = Date.parse(alert.timestamp)
  return {
    source: alert.source,
    externalId: alert.id,
    ruleId: alert.rule.id,
    ruleName: alert.rule.name,
    severity: alert.severity,
    title: alert.title.slice(0, 500),
    host: alert.host ?? null,
    user: alert.user ?? null,
    eventAt: Number.isFinite(eventAt) ? eventAt : 0,
    rawJson: boundedRaw(alert.raw),
  }
}
