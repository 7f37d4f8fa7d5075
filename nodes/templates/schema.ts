import { z } from 'zod'
import { FORMAT_NAMES } from './formats.ts'

/**
 * The declarative integration template: a JSON file that turns one vendor API call into a node type
 * without TypeScript. See `starter/*.json` for real examples and the README for the format.
 */

/** Namespaces of built-in node types: a template id may not use them. */
export const BUILTIN_NAMESPACES = [
  'trigger',
  'enrich',
  'condition',
  'flow',
  'transform',
  'script',
  'action',
  'test',
]

const json: z.ZodType<unknown> = z.json()
const slug = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes')
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'not a valid HTTP header name')
const errorCode = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'codes are UPPER_SNAKE_CASE')
const text = (max: number) => z.string().max(max)

/** One param of the node's form: a small JSON-Schema-like field. */
export const templateFieldSchema = z.strictObject({
  type: z.enum(['string', 'number', 'boolean', 'array', 'object']),
  title: text(200).optional(),
  description: text(2000).optional(),
  required: z.boolean().optional(),
  default: json.optional(),
  enum: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .max(500)
    .optional(),
  format: z.enum(FORMAT_NAMES).optional(),
})

/** How the credential is applied; the secret's value never enters a template scope. */
export const authSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('bearer') }),
  /** The secret is `user:password` (Jira: `email:api-token`). */
  z.strictObject({ type: z.literal('basic') }),
  z.strictObject({ type: z.literal('header'), name: headerName, prefix: text(50).optional() }),
  z.strictObject({ type: z.literal('query'), name: z.string().min(1).max(100) }),
  /** The secret is the whole endpoint URL (chat webhooks carry their signature in it). */
  z.strictObject({ type: z.literal('url') }),
  /** OAuth2 client credentials: the secret is `client_id:client_secret`; a token is fetched first. */
  z.strictObject({
    type: z.literal('oauth2'),
    tokenUrl: text(2000),
    form: z.record(z.string().min(1).max(100), text(2000)).optional(),
  }),
])

/** The credential a template needs: its type names the default credential. */
export const credentialSchema = z.strictObject({
  type: slug,
  description: text(1000).optional(),
  auth: authSchema,
})

const bodySchema = z.union([
  z.strictObject({ json }),
  z.strictObject({ form: z.record(z.string().min(1).max(200), text(10_000)) }),
  z.strictObject({ text: text(100_000), contentType: text(200) }),
])

/** The HTTP request, every string a `{{ params.* }}` template. */
export const requestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  /** Absent only with `auth: url` (the secret is the URL). */
  url: text(2000).optional(),
  headers: z.record(headerName, text(2000)).optional(),
  query: z.record(z.string().min(1).max(200), text(2000)).optional(),
  body: bodySchema.optional(),
  timeoutMs: z.int().min(100).max(300_000).optional(),
})

const failWhenSchema = z.strictObject({
  /** A template over `response`; the call fails when it is truthy, e.g. `{{ response.body.ok | not }}`. */
  when: text(500),
  code: errorCode,
  message: text(500),
  retryable: z.boolean().optional(),
})

/** Maps an HTTP status (`404`) or class (`4xx`) to an error, or to a success `output`. */
export const errorMappingSchema = z.strictObject({
  code: errorCode,
  message: text(500).optional(),
  retryable: z.boolean().optional(),
  output: z.record(z.string(), json).optional(),
})

/** The whole template's shape; `validateTemplate` adds the cross-field checks (`checks.ts`). */
export const integrationTemplateSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z
    .string()
    .max(100)
    .regex(
      /^[a-z][a-z0-9-]*\.[a-z0-9]+(?:-[a-z0-9]+)*$/,
      'ids are `vendor.action` in lower case, e.g. `virustotal.file-report`',
    ),
  version: z.int().min(1).max(10_000),
  title: text(100).min(1),
  description: text(2000).min(1),
  category: z.enum(['enrichment', 'action']),
  icon: z.string().regex(/^[a-z0-9-]{1,50}$/, 'icon names are lower-case words with dashes'),
  vendor: text(100).min(1),
  docs: z.url({ protocol: /^https$/ }),
  params: z.record(
    z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'param names are snake_case'),
    templateFieldSchema,
  ),
  credential: credentialSchema.optional(),
  request: requestSchema,
  response: z.strictObject({
    output: z.record(z.string(), json),
    failWhen: z.array(failWhenSchema).max(10).optional(),
  }),
  errors: z
    .record(
      z.string().regex(/^(?:[1-5]\d\d|[1-5]xx)$/, 'keys are statuses like 404 or 5xx'),
      errorMappingSchema,
    )
    .optional(),
  sideEffects: z.boolean(),
  containment: z.boolean().optional(),
  sample: z.record(z.string(), json),
  outputSchema: z
    .record(
      z.string(),
      z.strictObject({ type: templateFieldSchema.shape.type, description: text(1000).optional() }),
    )
    .optional(),
})

/** A validated integration template. */
export type IntegrationTemplate = z.infer<typeof integrationTemplateSchema>
export type TemplateField = z.infer<typeof templateFieldSchema>
export type TemplateAuth = z.infer<typeof authSchema>

/** One validation problem: where (`request.url`) and what. */
export interface TemplateProblem {
  path: string
  message: string
}
