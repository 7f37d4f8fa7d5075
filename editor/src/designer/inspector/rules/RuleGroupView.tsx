import { useId } from 'react'
import { MAX_RULE_DEPTH } from '../../../../../nodes/condition/rules.ts'
import { type FieldProblem, partition } from '../field-problems.ts'
import { DraftTextField } from '../schema-form/DraftTextField.tsx'
import { FieldProblems } from '../schema-form/FieldShell.tsx'
import { parseJsonText } from '../schema-form/parse-text.ts'
import { RuleRow } from './RuleRow.tsx'
import { entryName, type FieldMode, type RuleOps } from './rule-ops.ts'
import {
  type EntryPath,
  isGroup,
  isRule,
  newGroup,
  newRule,
  type RuleEntry,
  type RuleGroup,
} from './rule-tree.ts'
import './rules.css'

interface RuleGroupViewProps {
  group: RuleGroup
  path: EntryPath
  fieldMode: FieldMode
  ops: RuleOps
  /** Problems relative to the group (`['rules', 0, 'value']`). */
  problems: readonly FieldProblem[]
}

/**
 * A group of rules combined with all (AND) or any (OR); nested groups up to the node's depth
 * limit. Entries that are neither rules nor groups are shown as JSON so nothing is lost.
 */
export function RuleGroupView({ group, path, fieldMode, ops, problems }: RuleGroupViewProps) {
  const id = useId()
  const top = path.length === 0
  const name = top ? 'Rules' : entryName('Group', path)
  const { own, byKey: byPart } = partition(problems, ['rules', 'combinator'])
  const { own: listProblems, byKey } = partition(
    byPart.get('rules') ?? [],
    group.rules.map((_, i) => i),
  )
  const depth = path.length + 1
  return (
    <fieldset className={`insp-fieldset insp-rule-group${top ? ' insp-rule-top' : ''}`}>
      <legend>{name}</legend>
      <div className="insp-field insp-inline-field">
        <label htmlFor={`${id}-match`}>
          {top ? null : <span className="insp-sr-only">{`${name} `}</span>}
          Match
        </label>
        <select
          id={`${id}-match`}
          value={group.combinator}
          onChange={(e) =>
            ops.update(path, (g) => ({
              ...(g as RuleGroup),
              combinator: e.target.value as RuleGroup['combinator'],
            }))
          }
        >
          <option value="all">all of these (AND)</option>
          <option value="any">any of these (OR)</option>
        </select>
        {top ? null : (
          <button
            type="button"
            className="insp-icon-button insp-danger"
            aria-label={`Remove ${name}`}
            onClick={() => ops.remove(path)}
          >
            ✕
          </button>
        )}
      </div>
      {group.rules.length === 0 ? <p className="insp-help">No rules yet: the condition holds.</p> : null}
      {group.rules.map((entry, i) => {
        const at = [...path, i]
        // Entries have no identity of their own: their position ("Rule 2.1") is what the user edits.
        return (
          <RuleEntryView
            key={at.join('.')}
            entry={entry}
            path={at}
            fieldMode={fieldMode}
            ops={ops}
            problems={byKey.get(i) ?? []}
          />
        )
      })}
      <div className="insp-rule-actions">
        <button type="button" className="insp-add" onClick={() => ops.append(path, newRule())}>
          {top ? 'Add rule' : `Add rule to ${name}`}
        </button>
        <button
          type="button"
          className="insp-add"
          disabled={depth >= MAX_RULE_DEPTH}
          onClick={() => ops.append(path, newGroup())}
        >
          {top ? 'Add group' : `Add group to ${name}`}
        </button>
      </div>
      <FieldProblems problems={[...own, ...listProblems]} />
    </fieldset>
  )
}

interface RuleEntryViewProps extends Omit<RuleGroupViewProps, 'group'> {
  entry: unknown
}

/** One entry of a group: a nested group, a rule, or (neither) its JSON, so nothing is lost. */
function RuleEntryView({ entry, path, fieldMode, ops, problems }: RuleEntryViewProps) {
  if (isGroup(entry))
    return <RuleGroupView group={entry} path={path} fieldMode={fieldMode} ops={ops} problems={problems} />
  if (isRule(entry))
    return <RuleRow rule={entry} path={path} fieldMode={fieldMode} ops={ops} problems={problems} />
  const name = entryName('Rule', path)
  return (
    <div className="insp-rule">
      <DraftTextField
        field={{ kind: 'json', key: name, label: `${name} (JSON)`, required: true, reason: 'not a rule' }}
        value={entry}
        parse={parseJsonText}
        multiline
        problems={problems}
        onChange={(v) => ops.update(path, () => v as RuleEntry)}
      />
      <button
        type="button"
        className="insp-icon-button insp-danger"
        aria-label={`Remove ${name}`}
        onClick={() => ops.remove(path)}
      >
        ✕
      </button>
    </div>
  )
}
