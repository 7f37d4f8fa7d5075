/**
 * Writes `runtime/format/playbook.schema.json` from the zod schema. Run with `npm run schema` after
 * changing `schema.ts`; a test fails while the checked-in file is out of date.
 */
import { writeFileSync } from 'node:fs'
import { playbookJsonSchemaText } from '../runtime/format/json-schema.ts'

const target = new URL('../runtime/format/playbook.schema.json', import.meta.url)
writeFileSync(target, playbookJsonSchemaText())
console.log(`wrote ${target.pathname}`)
