import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTypeDeclarations, jsonSchemaToTs } from './declarations.ts'

describe('createTypeDeclarations', () => {
  it('types nodes.<id>.output from output schemas and trigger from its schema', () => {
    const d = createTypeDeclarations({
      trigger: z.object({ severity: z.enum(['low', 'high']), src_ip: z.string().optional() }),
      nodes: {
        vt: z.object({
          malicious: z.number().int(),
          tags: z.array(z.string()),
          verdict: z.string().nullable(),
        }),
        raw: undefined,
      },
    })
    expect(d).toContain('declare const trigger: {\n  "severity": "low" | "high"\n  "src_ip"?: string\n}')
    expect(d).toContain(
      '"vt": { output: {\n      "malicious": number\n      "tags": Array<string>\n      "verdict": string | null\n    } }',
    )
    expect(d).toContain('"raw": { output: unknown }')
    expect(d).toContain('declare const lib:')
  })

  it('converts records, tuples, literals and booleans', () => {
    expect(jsonSchemaToTs(z.toJSONSchema(z.record(z.string(), z.boolean())) as never)).toBe(
      '{\n  [key: string]: boolean\n}',
    )
    expect(jsonSchemaToTs(z.toJSONSchema(z.tuple([z.string(), z.number()])) as never)).toBe(
      '[string, number]',
    )
    expect(jsonSchemaToTs(z.toJSONSchema(z.literal('x')) as never)).toBe('"x"')
  })
})
