/** The playbook file format: schema, migrations, canonical text, JSON Schema and validation. */
export { canonicalValue, toCanonical } from './canonical.ts'
export { type JsonSyntaxError, locateJsonError } from './json-error.ts'
export { PLAYBOOK_SCHEMA_ID, playbookJsonSchema, playbookJsonSchemaText } from './json-schema.ts'
export { KNOWN_FORMATS, MIGRATIONS, type MigrateResult, type Migration, migrate } from './migrate.ts'
export {
  hasErrors,
  jsonPath,
  type PathSegment,
  type Problem,
  type ProblemCode,
  ValidationError,
} from './problems.ts'
export * from './schema.ts'
export {
  MAX_PROBLEMS,
  parsePlaybook,
  type ValidateOptions,
  type ValidationResult,
  validatePlaybook,
} from './validate.ts'
