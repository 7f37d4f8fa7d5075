import { useMemo } from 'react'
import type { PlaybookNode } from '../../../../runtime/format/schema.ts'
import type { NodeRegistry, NodeType } from '../../../../runtime/node-type.ts'
import type { ScopeSource } from './expressions/suggestions.ts'
import { type FieldProblem, under } from './field-problems.ts'
import { paramFields } from './params-fields.ts'
import { ConditionForm } from './rules/ConditionForm.tsx'
import { RuleBuilder } from './rules/RuleBuilder.tsx'
import { SwitchForm } from './rules/SwitchForm.tsx'
import { DraftTextField } from './schema-form/DraftTextField.tsx'
import { parseJsonText } from './schema-form/parse-text.ts'
import { SchemaForm } from './schema-form/SchemaForm.tsx'
import { isRecord } from './schema-form/values.ts'
import { ScriptEditor } from './script/ScriptEditor.tsx'
import { scriptTypings } from './script/script-typings.ts'

interface NodeParamsProps {
  node: PlaybookNode
  def: NodeType | undefined
  /** The graph the node sits in (its script typings name the upstream nodes). */
  scope: ScopeSource
  registry: NodeRegistry
  onChange(params: Record<string, unknown>): void
  /** Problems relative to the params. */
  problems: readonly FieldProblem[]
  readOnly: boolean
}

const RULE_KEYS = ['combinator', 'rules']

/**
 * A node's params: the rule builder for conditions, the code editor for scripts, a form generated
 * from the params schema for every other type, JSON when the type is unknown or not describable.
 */
export function NodeParams({ node, def, scope, registry, onChange, problems, readOnly }: NodeParamsProps) {
  const params = node.params
  const fields = def ? paramFields(def) : undefined
  const isScript = def?.type === 'script.javascript'
  const typings = useMemo(
    () => (isScript ? scriptTypings(scope, registry, node.id) : ''),
    [isScript, scope, registry, node.id],
  )
  if (!def || !fields)
    return (
      <DraftTextField
        field={{
          kind: 'json',
          key: 'params',
          label: 'Params (JSON)',
          required: true,
          reason: 'no form for this type',
        }}
        value={params}
        parse={parseJsonText}
        multiline
        problems={problems}
        onChange={(v) => onChange(isRecord(v) ? v : {})}
      />
    )
  switch (def.type) {
    case 'condition.if':
      return <ConditionForm params={params} onChange={onChange} problems={problems} />
    case 'condition.switch':
      return <SwitchForm params={params} onChange={onChange} problems={problems} />
    case 'condition.filter':
      return (
        <>
          <SchemaForm
            fields={fields}
            value={params}
            onChange={onChange}
            problems={problems}
            skip={RULE_KEYS}
          />
          <RuleBuilder
            params={params}
            onChange={onChange}
            fieldMode="path"
            problems={problems.filter((p) => RULE_KEYS.includes(String(p.path[0])))}
          />
        </>
      )
    case 'script.javascript':
      return (
        <>
          <ScriptEditor
            code={typeof params.code === 'string' ? params.code : ''}
            onChange={(code) => onChange({ ...params, code })}
            typings={typings}
            readOnly={readOnly}
            problems={under(problems, 'code')}
          />
          <SchemaForm
            fields={fields}
            value={params}
            onChange={onChange}
            problems={problems}
            skip={['code']}
          />
        </>
      )
    default:
      return <SchemaForm fields={fields} value={params} onChange={onChange} problems={problems} />
  }
}
