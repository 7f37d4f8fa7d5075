import { z } from 'zod'
import { defineNode, NodeError } from '../../runtime/node-type.ts'

const fieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier (letters, digits, underscores)')
      .max(64),
    label: z.string().max(200).optional(),
    type: z.enum(['string', 'number', 'boolean', 'enum']),
    required: z.boolean().default(false),
    /** The choices of an `enum` field. */
    options: z.array(z.string().min(1).max(200)).max(200).optional(),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    description: z.string().max(1000).optional(),
  })
  .superRefine((f, issue) => {
    if (f.type === 'enum' && (!f.options || f.options.length === 0)) {
      issue.addIssue({ code: 'custom', path: ['options'], message: 'an enum field needs options' })
    }
  })

export type FormField = z.infer<typeof fieldSchema>

/** Builds the zod schema of a form from its field list. */
export function formSchema(fields: readonly FormField[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {}
  for (const f of fields) {
    let s: z.ZodType =
      f.type === 'string'
        ? z.string().max(100_000)
        : f.type === 'number'
          ? z.number().finite()
          : f.type === 'boolean'
            ? z.boolean()
            : z.enum(f.options as [string, ...string[]])
    if (f.default !== undefined) s = s.default(f.default as never)
    else if (!f.required) s = s.optional()
    shape[f.name] = s
  }
  return z.object(shape).strip()
}

/**
 * `trigger.manual`: a responder starts the playbook by hand, filling in a form. The form is a list
 * of fields (string, number, boolean, or enum with options); the run's input is checked against it
 * and fails with `INVALID_INPUT` naming every wrong field. Unknown fields are dropped.
 */
export const triggerManual = defineNode({
  type: 'trigger.manual',
  version: 1,
  category: 'trigger',
  title: 'Manual',
  description: 'Started by hand from a form; the input is checked against the form fields.',
  icon: 'hand',
  params: z.object({ fields: z.array(fieldSchema).max(100).default([]) }).superRefine((p, issue) => {
    const seen = new Set<string>()
    p.fields.forEach((f, i) => {
      if (seen.has(f.name))
        issue.addIssue({
          code: 'custom',
          path: ['fields', i, 'name'],
          message: `duplicate field "${f.name}"`,
        })
      seen.add(f.name)
    })
  }),
  output: z.record(z.string(), z.unknown()),
  run({ params, ctx }) {
    const parsed = formSchema(params.fields).safeParse(ctx.trigger ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
      throw new NodeError('INVALID_INPUT', `the form input is invalid: ${problems.join('; ')}`, {
        retryable: false,
        details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      })
    }
    return { output: parsed.data }
  },
})
