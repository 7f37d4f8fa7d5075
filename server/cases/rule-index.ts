import type { PlaybookStore } from '../store/playbook-store.ts'

/** A playbook answering a SIEM rule (it lists the rule id in `rules`). */
export interface RuleHandler {
  id: string
  name: string
  /** False while the playbook has no published version: it cannot answer alerts yet. */
  published: boolean
}

/**
 * Which playbooks answer which SIEM correlation rules, from the `rules` of each live playbook's
 * draft (the designer's current intent). A draft is parsed again only when it changed.
 * @example (await rules.handlers()).get('okta-brute-force') // [{ id: 'brute-force-login', … }]
 */
export function createRuleIndex(playbooks: Pick<PlaybookStore, 'list' | 'getDraft'>) {
  const parsed = new Map<string, { updatedAt: number; rules: string[] }>()

  async function rulesOf(id: string, updatedAt: number): Promise<string[]> {
    const hit = parsed.get(id)
    if (hit?.updatedAt === updatedAt) return hit.rules
    const json = (await playbooks.getDraft(id))?.json
    const rules = json ? ((JSON.parse(json) as { rules?: string[] }).rules ?? []) : []
    parsed.set(id, { updatedAt, rules })
    return rules
  }

  return {
    /** Rule id → the playbooks answering it, by playbook id. */
    async handlers(): Promise<Map<string, RuleHandler[]>> {
      const out = new Map<string, RuleHandler[]>()
      const live = new Set<string>()
      for (const p of await playbooks.list()) {
        live.add(p.id)
        const handler = { id: p.id, name: p.name, published: p.latestVersion !== null }
        for (const rule of await rulesOf(p.id, p.updatedAt))
          out.set(rule, [...(out.get(rule) ?? []), handler])
      }
      for (const id of parsed.keys()) if (!live.has(id)) parsed.delete(id)
      for (const list of out.values()) list.sort((a, b) => a.id.localeCompare(b.id))
      return out
    },
  }
}

export type RuleIndex = ReturnType<typeof createRuleIndex>
