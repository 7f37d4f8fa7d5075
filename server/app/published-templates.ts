import { compileTemplate } from '../../nodes/templates/compile.ts'
import type { PublishedTemplate, TemplateStore } from '../../nodes/templates/registry.ts'
import type { LiveRegistry } from './live-registry.ts'

/**
 * Adds a published template to the registry as a node type (deprecated ones too: playbooks pinned to
 * them must still run).
 * @example registerTemplate(registry, await store.publish(template))
 */
export function registerTemplate(registry: LiveRegistry, published: PublishedTemplate): void {
  registry.add(compileTemplate(published.template))
}

/**
 * At start: every stored template version joins the registry. A version that no longer compiles is
 * reported and skipped instead of stopping the server.
 * @example await loadPublishedTemplates(stores.templates, registry, (msg) => log.warn(msg))
 */
export async function loadPublishedTemplates(
  store: TemplateStore,
  registry: LiveRegistry,
  warn: (message: string) => void = console.warn,
): Promise<number> {
  let n = 0
  for (const published of await store.list()) {
    try {
      registerTemplate(registry, published)
      n++
    } catch (err) {
      const { id, version } = published.template
      warn(`template ${id}@${version} does not compile: ${err instanceof Error ? err.message : err}`)
    }
  }
  return n
}
