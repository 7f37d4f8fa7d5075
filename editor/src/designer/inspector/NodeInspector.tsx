import { useMemo } from 'react'
import { useStore } from 'zustand'
import type { DesignerStore } from '../store/types.ts'
import { expressionSuggestions } from './expressions/suggestions.ts'
import { nodeProblems, partition, under } from './field-problems.ts'
import { InspectorEnvContext } from './inspector-env.ts'
import { NodeHeader } from './NodeHeader.tsx'
import { NodeParams } from './NodeParams.tsx'
import { SettingsSection } from './SettingsSection.tsx'
import { FieldProblems } from './schema-form/FieldShell.tsx'
import { SETTINGS_KEYS } from './settings-fields.ts'

const PLACED = ['params', 'id', 'name', 'description', ...SETTINGS_KEYS]

/**
 * Everything about one selected node: header (id, name), params form, settings, and its problems,
 * each at its field (the rest, such as a bad edge leaving it, at the top).
 */
export function NodeInspector({
  store,
  nodeId,
  readOnly,
}: {
  store: DesignerStore
  nodeId: string
  readOnly: boolean
}) {
  const nodes = useStore(store, (s) => s.playbook.nodes)
  const edges = useStore(store, (s) => s.playbook.edges)
  const vars = useStore(store, (s) => s.playbook.vars)
  const inputs = useStore(store, (s) => s.playbook.inputs)
  const registry = useStore(store, (s) => s.registry)
  const allProblems = useStore(store, (s) => s.problems)
  // What expressions can read depends on the graph, vars and inputs, not on positions or notes.
  const scope = useMemo(() => ({ nodes, edges, vars, inputs }), [nodes, edges, vars, inputs])
  const env = useMemo(
    () => ({ suggestions: expressionSuggestions(scope, registry, nodeId) }),
    [scope, registry, nodeId],
  )
  const problems = useMemo(() => nodeProblems(allProblems, { nodes }, nodeId), [allProblems, nodes, nodeId])
  const node = nodes.find((n) => n.id === nodeId)
  const def = node ? registry.get(node.type, node.version) : undefined
  if (!node) return null
  const { own } = partition(problems, PLACED)
  const actions = store.getState()
  return (
    <InspectorEnvContext.Provider value={env}>
      <section className="insp-node" aria-label={`Node ${node.id}`}>
        <FieldProblems problems={own} />
        <NodeHeader
          node={node}
          def={def}
          problems={problems}
          onChange={(patch) => actions.updateNode(node.id, patch)}
          onRename={(next) => actions.renameNode(node.id, next)}
        />
        <section className="insp-section insp-params" aria-label="Parameters">
          <h3>Parameters</h3>
          <NodeParams
            node={node}
            def={def}
            scope={scope}
            registry={registry}
            readOnly={readOnly}
            problems={under(problems, 'params')}
            onChange={(params) => actions.updateNode(node.id, { params })}
          />
        </section>
        <SettingsSection
          node={node}
          problems={problems.filter((p) => SETTINGS_KEYS.includes(p.path[0] as never))}
          onChange={(patch) => actions.updateNode(node.id, patch)}
        />
      </section>
    </InspectorEnvContext.Provider>
  )
}
