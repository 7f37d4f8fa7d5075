import { z } from 'zod'

/**
 * The playbook file format: the single source of truth. The server validates requests with it, the
 * editor validates imports and saves with it, the CLI validates files with it, and the JSON Schema
 * for code editors (`playbook.schema.json`) is generated from it.
 *
 * Logic (`nodes`, `edges`) and presentation (`layout`, `notes`) are separate fields so that moving a
 * box changes only layout lines in a git diff.
 */

/** The current format identifier. Older identifiers are upgraded by `migrate`. */
export const CURRENT_FORMAT = 'bulwark.playbook/2'

/** Limits that keep validation linear and bounded on hostile input. */
export const LIMITS = {
  maxNodes: 20_000,
  maxEdges: 60_000,
  maxStringLength: 1_000_000,
  maxDepth: 64,
  maxFileBytes: 20_000_000,
} as const

/** Readable ids: usable unquoted in expressions (`nodes.vt_lookup.output`). */
export const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z][a-z0-9_]*$/,
    'must be a slug: lowercase letters, digits and underscores, starting with a letter',
  )

/** Playbook ids may also contain hyphens (they are file names and URL segments, not expression roots). */
export const playbookId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lowercase letters, digits, hyphens and underscores')

/** Output port names: `out` (the default), `true`/`false`, switch cases, `error`, `timeout`. */
export const portName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, hyphens and underscores')

/** The port an edge leaves from when it names none. */
export const DEFAULT_PORT = 'out'
/** The port a node with `onError: "error"` fires when it fails. */
export const ERROR_PORT = 'error'

const shortText = z.string().max(200)
const longText = z.string().max(20_000)

export const retrySchema = z
  .object({
    /** Extra attempts after the first one. */
    max: z.number().int().min(0).max(20),
    backoff: z.enum(['fixed', 'exponential']).optional(),
    /** Delay before the first retry; doubled per attempt when exponential. */
    delayMs: z.number().int().min(0).max(3_600_000).optional(),
    maxDelayMs: z.number().int().min(0).max(3_600_000).optional(),
    /** Retry only errors with these codes; all errors when absent. */
    on: z.array(z.string().max(64)).max(50).optional(),
  })
  .strict()

export const nodeSchema = z
  .object({
    id: slug,
    /** A built-in node type (`enrich.ip-info`) or a template id. */
    type: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'must be a node type id like "enrich.ip-info"'),
    /** The pinned version of the node type. */
    version: z.number().int().min(1),
    name: shortText.optional(),
    description: longText.optional(),
    params: z.record(z.string(), z.unknown()).default({}),
    /** `all` (default): wait for every incoming edge; `any`: run on the first live one. */
    join: z.enum(['all', 'any']).optional(),
    retry: retrySchema.optional(),
    timeoutMs: z.number().int().min(1).max(86_400_000).optional(),
    /** `fail` (default) fails the run, `continue` goes on as if it succeeded, `error` fires the error port. */
    onError: z.enum(['fail', 'continue', 'error']).optional(),
  })
  .strict()

export const edgeSchema = z
  .object({
    from: slug,
    to: slug,
    /** The source's output port; `out` when absent. */
    port: portName.optional(),
  })
  .strict()

/** A typed field of a sub-playbook's inputs or outputs. */
export const fieldSchema = z
  .object({
    type: z.enum(['string', 'number', 'boolean', 'object', 'array', 'any']),
    description: longText.optional(),
    required: z.boolean().optional(),
    default: z.unknown().optional(),
    /** Outputs only: a template that computes the value, e.g. `{{ nodes.verdict.output }}`. */
    value: z.string().max(10_000).optional(),
  })
  .strict()

export const settingsSchema = z
  .object({
    /** Whole-run timeout. */
    timeoutMs: z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400_000)
      .optional(),
    /** Nodes that may run at once in this run. */
    concurrency: z.number().int().min(1).max(256).optional(),
    /** Default per-node timeout. */
    nodeTimeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  })
  .strict()

export const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict()

export const noteSchema = z
  .object({
    id: slug,
    text: longText,
    x: z.number().finite(),
    y: z.number().finite(),
    width: z.number().finite().positive().optional(),
    height: z.number().finite().positive().optional(),
    color: z.string().max(32).optional(),
  })
  .strict()

/** A sample trigger event kept with the playbook, offered by the editor's run panel for test runs. */
export const exampleSchema = z
  .object({
    name: shortText.min(1),
    event: z.record(z.string(), z.unknown()),
  })
  .strict()

export const playbookSchema = z
  .object({
    /** A link to `playbook.schema.json` so code editors validate the file; ignored by Bulwark. */
    $schema: z.string().max(2000).optional(),
    format: z.literal(CURRENT_FORMAT),
    id: playbookId,
    name: shortText.min(1),
    description: longText.optional(),
    tags: z.array(z.string().min(1).max(64)).max(100).optional(),
    /** SIEM correlation-rule ids this playbook answers. */
    rules: z.array(z.string().min(1).max(200)).max(1000).optional(),
    inputs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), fieldSchema).optional(),
    outputs: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), fieldSchema).optional(),
    settings: settingsSchema.optional(),
    /** Constants available to expressions as `vars.<name>`. */
    vars: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.unknown()).optional(),
    nodes: z.array(nodeSchema).max(LIMITS.maxNodes),
    edges: z.array(edgeSchema).max(LIMITS.maxEdges),
    /** Node id → position. Presentation only: never affects a run. */
    layout: z.record(z.string(), positionSchema).optional(),
    /** Sticky notes on the canvas. */
    notes: z.array(noteSchema).max(1000).optional(),
    /** Sample trigger events for test runs (e.g. an alert in its SIEM's format). Never affect a run. */
    examples: z.array(exampleSchema).max(50).optional(),
  })
  .strict()

export type Playbook = z.infer<typeof playbookSchema>
export type PlaybookNode = z.infer<typeof nodeSchema>
export type PlaybookEdge = z.infer<typeof edgeSchema>
export type RetryPolicy = z.infer<typeof retrySchema>
export type FieldSpec = z.infer<typeof fieldSchema>
export type PlaybookSettings = z.infer<typeof settingsSchema>
export type Position = z.infer<typeof positionSchema>
export type Note = z.infer<typeof noteSchema>
export type PlaybookExample = z.infer<typeof exampleSchema>
