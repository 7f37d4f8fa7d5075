import { createRegistry, type NodeRegistry, type NodeType } from '../../runtime/node-type.ts'

/** A node registry that grows while the server runs: published templates join it at once. */
export interface LiveRegistry extends NodeRegistry {
  /**
   * Adds a node type. A type@version already present is kept (published versions are immutable, so
   * the same template published twice is the same node type) and `false` is returned.
   */
  add(type: NodeType): boolean
}

/**
 * The server's registry: the built-in types (fixed) plus types added later (published integration
 * templates compiled with `compileTemplate`). Lookups check the built-ins first, so a published
 * template can never shadow a built-in node type.
 * @example const registry = createLiveRegistry(builtinNodeTypes); registry.add(compileTemplate(t))
 */
export function createLiveRegistry(builtin: readonly NodeType[]): LiveRegistry {
  const base = createRegistry(builtin)
  const added = new Map<string, NodeType>()
  const addedVersions = new Map<string, number[]>()
  return {
    get: (type, version) => base.get(type, version) ?? added.get(`${type}@${version}`),
    versions(type) {
      const own = addedVersions.get(type) ?? []
      return [...new Set([...base.versions(type), ...own])].sort((a, b) => a - b)
    },
    all: () => [...base.all(), ...added.values()],
    add(type) {
      const key = `${type.type}@${type.version}`
      if (base.get(type.type, type.version) || added.has(key)) return false
      added.set(key, type)
      addedVersions.set(type.type, [...(addedVersions.get(type.type) ?? []), type.version])
      return true
    },
  }
}
