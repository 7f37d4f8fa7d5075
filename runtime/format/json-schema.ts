import { z } from 'zod'
import { CURRENT_FORMAT, playbookSchema } from './schema.ts'

/** The `$id` of the generated JSON Schema; playbook files may point `$schema` at it. */
export const PLAYBOOK_SCHEMA_ID = `https://bulwark.dev/schemas/${CURRENT_FORMAT.replace('/', '-')}.schema.json`

/**
 * The JSON Schema of a playbook file, generated from `playbookSchema` (the single source of truth)
 * for code editors. It describes the file as written (`io: 'input'`), so fields with defaults are
 * optional. `runtime/format/playbook.schema.json` is this value; `npm run schema` rewrites it.
 * @example playbookJsonSchema().$id // 'https://bulwark.dev/schemas/bulwark.playbook-2.schema.json'
 */
export function playbookJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(playbookSchema, { target: 'draft-2020-12', io: 'input' }) as Record<
    string,
    unknown
  >
  const { $schema, ...rest } = generated
  return {
    $schema,
    $id: PLAYBOOK_SCHEMA_ID,
    title: 'Bulwark playbook',
    description: `A Bulwark security automation playbook (${CURRENT_FORMAT}). Generated from runtime/format/schema.ts by \`npm run schema\`: do not edit.`,
    ...rest,
  }
}

/** The text of `playbook.schema.json`: two-space indent and a final newline. */
export function playbookJsonSchemaText(): string {
  return `${JSON.stringify(playbookJsonSchema(), null, 2)}\n`
}
