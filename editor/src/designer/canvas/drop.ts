/** The drag-and-drop format of palette items: JSON `{ type, version }`. */
export const NODE_DRAG_TYPE = 'application/bulwark-node'

/**
 * Reads a dropped palette item; undefined for anything else (text from another page, garbage).
 * @example parseDroppedNode('{"type":"enrich.ip-info","version":1}') // { type: 'enrich.ip-info', version: 1 }
 */
export function parseDroppedNode(text: string): { type: string; version: number } | undefined {
  try {
    const value = JSON.parse(text) as { type?: unknown; version?: unknown }
    if (typeof value?.type !== 'string' || value.type === '') return undefined
    if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1)
      return undefined
    return { type: value.type, version: value.version }
  } catch {
    return undefined
  }
}
