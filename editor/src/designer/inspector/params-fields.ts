import type { NodeType } from '../../../../runtime/node-type.ts'
import { describeObject, type FieldDescriptor } from './schema-form/descriptor.ts'
import { toJsonSchema } from './schema-form/json-schema.ts'

const cache = new WeakMap<NodeType, FieldDescriptor[] | null>()

/**
 * The form fields of a node type's params, computed once per type; `undefined` when its params are
 * not an object schema zod can describe (the inspector then edits them as JSON).
 * @example paramFields(actionHttp)?.map((f) => f.key) // ['method', 'url', 'headers', …]
 */
export function paramFields(def: NodeType): FieldDescriptor[] | undefined {
  let fields = cache.get(def)
  if (fields === undefined) {
    const schema = toJsonSchema(def.params)
    fields = schema?.type === 'object' ? describeObject(schema) : null
    cache.set(def, fields)
  }
  return fields ?? undefined
}
