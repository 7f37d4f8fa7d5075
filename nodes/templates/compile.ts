import { z } from 'zod'
import { defineNode, type NodeContext, NodeError, type NodeType } from '../../runtime/node-type.ts'
import { applyAuth, redact } from './auth.ts'
import { paramsSchema } from './fields.ts'
import { renderRequest } from './request.ts'
import { mapResponse } from './response.ts'
import type { IntegrationTemplate, TemplateField } from './schema.ts'

/**
 * Turns a validated integration template into a node type: its params schema comes from the field
 * list, `run` renders the request, applies the credential, calls `ctx.http` and maps the response.
 */

const OUTPUT_TYPES: Record<TemplateField['type'], () => z.ZodType> = {
  string: () => z.string(),
  number: () => z.number(),
  boolean: () => z.boolean(),
  array: () => z.array(z.json()),
  object: () => z.record(z.string(), z.json()),
}

/** The output schema for the editor: declared fields (nullable, optional), anything else allowed. */
function outputSchema(t: IntegrationTemplate): z.ZodType {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, f] of Object.entries(t.outputSchema ?? {})) {
    const s = OUTPUT_TYPES[f.type]().nullable().optional()
    shape[name] = f.description ? s.describe(f.description) : s
  }
  return z.looseObject(shape)
}

async function readSecret(ctx: NodeContext, name: string): Promise<string> {
  const secret = await ctx.secrets.get(name)
  if (secret === undefined || secret === '')
    throw new NodeError('CREDENTIAL_MISSING', `credential "${name}" is not configured`, { retryable: false })
  return secret
}

/**
 * Compiles a template (already validated with `parseTemplate`) into a node type.
 * @example const vt = compileTemplate(parseTemplate(vtFileReport)); registry = createBuiltinRegistry([vt])
 */
export function compileTemplate(
  t: IntegrationTemplate,
): NodeType<Record<string, unknown>, Record<string, unknown>> {
  const auth = t.credential?.auth ?? { type: 'none' as const }
  const needsSecret = auth.type !== 'none'
  return defineNode<Record<string, unknown>, Record<string, unknown>>({
    type: t.id,
    version: t.version,
    category: t.category,
    title: t.title,
    description: t.description,
    icon: t.icon,
    params: paramsSchema(t.params, needsSecret ? t.credential?.type : undefined),
    output: outputSchema(t) as z.ZodType<Record<string, unknown>>,
    sideEffects: t.sideEffects,
    // Lookups call out without side effects: a test run may answer them from the sample instead.
    external: !t.sideEffects,
    containment: t.containment ?? false,
    sample: t.sample,
    async run({ params, ctx }) {
      const http = ctx.http
      if (!http)
        throw new NodeError('HTTP_UNAVAILABLE', 'no HTTP client is configured for this run', {
          retryable: false,
        })
      const secret = needsSecret ? await readSecret(ctx, String(params.credential)) : undefined
      const scrub = (m: string) => redact(m, [secret])
      try {
        const rendered = renderRequest(t, params, auth.type === 'url' ? secret : undefined)
        const req = await applyAuth(rendered, auth, secret, params, http, ctx.signal)
        const res = await http.request({ ...req, timeoutMs: t.request.timeoutMs, signal: ctx.signal })
        return { output: mapResponse(t, params, res, scrub) }
      } catch (err) {
        if (err instanceof NodeError) {
          const message = scrub(err.message)
          if (message === err.message) throw err
          throw new NodeError(err.code, message, { retryable: err.retryable, details: err.details })
        }
        const message = err instanceof Error ? err.message : String(err)
        throw new NodeError('HTTP_FAILED', scrub(`${t.title}: request failed: ${message}`), {
          retryable: true,
        })
      }
    },
  })
}
