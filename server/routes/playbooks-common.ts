import { z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { playbookId } from '../../runtime/format/schema.ts'
import { HttpError } from '../app/errors.ts'

/** A playbook id in a path: the format's own rule (lowercase slug with hyphens, at most 100). */
export const PlaybookIdParam = z.object({ id: playbookId })

/** A run or approval id: opaque, short, URL-safe. */
export const opaqueId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, hyphens and underscores')

/** `{ id }` of a run or approval in a path. */
export const OpaqueIdParam = z.object({
  id: opaqueId.openapi({ param: { name: 'id', in: 'path' } }),
})

/** A problem as validation reports it (`runtime/format` problems). */
export const ProblemSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    path: z.string().openapi({ example: '$.nodes[2].params.ip' }),
    nodeId: z.string().optional(),
  })
  .openapi('Problem')

/**
 * A request body limit answering 413 through the app's error handler (a JSON error body).
 * @example defineRoute({ …, middleware: [limitBody(5 * 1024 * 1024)] })
 */
export function limitBody(maxBytes: number) {
  return bodyLimit({
    maxSize: maxBytes,
    onError() {
      throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body is larger than ${maxBytes} bytes`, {
        maxBytes,
      })
    },
  })
}

/** Parses stored canonical JSON (always an object: it was validated before it was stored). */
export function parseStored(json: string): Record<string, unknown> {
  return JSON.parse(json) as Record<string, unknown>
}
