import { builtinNodeTypes } from '../../../nodes/registry.ts'
import { compileTemplate } from '../../../nodes/templates/compile.ts'
import type { IntegrationTemplate } from '../../../nodes/templates/schema.ts'
import { createRegistry, type NodeRegistry, type NodeType } from '../../../runtime/node-type.ts'
import { api, unwrap } from '../api/client.ts'

/** What the editor knows about node types: the built-ins and every published template version. */
export interface Catalog {
  registry: NodeRegistry
  /** Palette order: built-ins first, then templates; deprecated template versions are left out. */
  palette: NodeType[]
  /** Templates that no longer compile, with the reason (shown, not fatal). */
  broken: { id: string; version: number; message: string }[]
}

/**
 * Builds the catalog from the built-in node types and the server's published templates, compiled in
 * the browser with the same code the server runs, so validation as you edit matches the server's.
 * @example const { registry } = await loadCatalog()
 */
export async function loadCatalog(): Promise<Catalog> {
  const { items } = unwrap(await api.GET('/api/templates'))
  const known = new Set(builtinNodeTypes.map((t) => `${t.type}@${t.version}`))
  const compiled: NodeType[] = []
  const deprecated = new Set<string>()
  const broken: Catalog['broken'] = []
  for (const item of items) {
    const key = `${item.id}@${item.version}`
    if (known.has(key)) continue
    try {
      compiled.push(compileTemplate(item.template as unknown as IntegrationTemplate))
      known.add(key)
      if (item.deprecated) deprecated.add(key)
    } catch (err) {
      broken.push({
        id: item.id,
        version: item.version,
        message: err instanceof Error ? err.message : String(err),
      })
    }
  }
  const all = [...builtinNodeTypes, ...compiled]
  return {
    registry: createRegistry(all),
    palette: all.filter((t) => !deprecated.has(`${t.type}@${t.version}`)),
    broken,
  }
}

let cached: Promise<Catalog> | undefined

/** The catalog, loaded once per page; `reloadCatalog()` after a template is published. */
export function catalog(): Promise<Catalog> {
  cached ??= loadCatalog().catch((err) => {
    cached = undefined
    throw err
  })
  return cached
}

export function reloadCatalog(): Promise<Catalog> {
  cached = undefined
  return catalog()
}
