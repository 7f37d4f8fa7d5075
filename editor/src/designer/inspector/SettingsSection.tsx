import type { PlaybookNode } from '../../../../runtime/format/schema.ts'
import type { FieldProblem } from './field-problems.ts'
import { SchemaForm } from './schema-form/SchemaForm.tsx'
import { SETTINGS_KEYS, settingsFields } from './settings-fields.ts'

type Settings = Pick<PlaybookNode, (typeof SETTINGS_KEYS)[number]>

interface SettingsSectionProps {
  node: PlaybookNode
  onChange(patch: Settings): void
  /** Problems relative to the node (`['retry', 'max']`). */
  problems: readonly FieldProblem[]
}

/** A node's run settings: retries (attempts, backoff, delays, error codes), timeout, on error, join. */
export function SettingsSection({ node, onChange, problems }: SettingsSectionProps) {
  const value = Object.fromEntries(SETTINGS_KEYS.map((k) => [k, node[k]]).filter(([, v]) => v !== undefined))
  const open = problems.length > 0 || SETTINGS_KEYS.some((k) => node[k] !== undefined)
  return (
    <details className="insp-section" open={open}>
      <summary>Settings</summary>
      <SchemaForm
        fields={settingsFields()}
        value={value}
        problems={problems}
        onChange={(next) => onChange(Object.fromEntries(SETTINGS_KEYS.map((k) => [k, next[k]])) as Settings)}
      />
    </details>
  )
}
