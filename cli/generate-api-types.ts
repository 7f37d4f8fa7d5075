/**
 * Writes `editor/src/api/schema.gen.ts` (TypeScript types of every API route) from the server's
 * OpenAPI document, with openapi-typescript. Run with `npm run api-types` after changing a route;
 * a test fails while the checked-in file is out of date.
 */
import { writeFileSync } from 'node:fs'
import { apiTypesText } from '../server/app/api-types.ts'

const target = new URL('../editor/src/api/schema.gen.ts', import.meta.url)
writeFileSync(target, await apiTypesText())
console.log(`wrote ${target.pathname}`)
