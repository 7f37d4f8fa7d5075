import { z } from 'zod'
import { checkFormat } from './formats.ts'
import type { TemplateField } from './schema.ts'

/**
 * Turns a template's field list into the zod params schema of its node type, so the engine
 * validates params and the editor generates the form exactly as for built-in nodes.
 */

const MAX_STRING = 100_000

/** Numbers and booleans may arrive as text from a mixed template: accept the obvious spellings. */
const fromNumericText = (v: unknown) =>
  typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v
const fromBooleanText = (v: unknown) => (v === 'true' ? true : v === 'false' ? false : v)

function fieldSchema(f: TemplateField): z.ZodType {
  let s: z.ZodType
  switch (f.type) {
    case 'string': {
      const values = f.enum?.filter((v): v is string => typeof v === 'string')
      if (values?.length) s = z.enum(values as [string, ...string[]])
      else {
        let str = z.string().max(MAX_STRING)
        if (f.format) {
          const format = f.format
          str = str.trim().refine((v) => checkFormat(format, v), { error: `not a valid ${format}` })
        }
        s = f.required ? str.min(1, 'required') : str
      }
      break
    }
    case 'number': {
      const n = z.number().finite()
      const values = f.enum?.filter((v): v is number => typeof v === 'number')
      const checked = values?.length
        ? n.refine((v) => values.includes(v), { error: `one of ${values.join(', ')}` })
        : n
      s = z.preprocess(fromNumericText, checked)
      break
    }
    case 'boolean':
      s = z.preprocess(fromBooleanText, z.boolean())
      break
    case 'array':
      s = z.array(z.json()).max(10_000)
      break
    case 'object':
      s = z.record(z.string(), z.json())
      break
  }
  if (f.description) s = s.describe(f.description)
  if (f.default !== undefined) return s.default(f.default as never)
  return f.required ? s : s.optional()
}

/**
 * The params schema for a field list; with a credential, adds `credential` (the name of the stored
 * credential to use, defaulting to the template's credential type).
 * @example paramsSchema({ ip: { type: 'string', required: true, format: 'ip' } }).parse({ ip: '8.8.8.8' })
 */
export function paramsSchema(
  fields: Record<string, TemplateField>,
  credentialType?: string,
): z.ZodObject<Record<string, z.ZodType>> {
  const shape: Record<string, z.ZodType> = {}
  for (const [name, f] of Object.entries(fields)) shape[name] = fieldSchema(f)
  if (credentialType)
    shape.credential = z
      .string()
      .min(1)
      .max(200)
      .default(credentialType)
      .describe(`Name of the stored credential (type ${credentialType})`)
  return z.object(shape)
}
