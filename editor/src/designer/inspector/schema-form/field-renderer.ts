import { type ComponentType, createContext, useContext } from 'react'
import type { FieldProps } from './field-props.ts'

/**
 * The component that renders any field, handed to container fields (objects, lists, maps, variants)
 * through context so that they can nest fields without importing the dispatcher (no import cycle).
 */
export const FieldRendererContext = createContext<ComponentType<FieldProps> | null>(null)

export function useFieldRenderer(): ComponentType<FieldProps> {
  const renderer = useContext(FieldRendererContext)
  if (!renderer) throw new Error('a schema field was rendered outside <SchemaForm>')
  return renderer
}
