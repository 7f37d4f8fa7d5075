import { useMemo } from 'react'
import { useStore } from 'zustand'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import type { DesignerStore } from '../store/types.ts'
import { playbookProblems } from './field-problems.ts'
import { PLAYBOOK_KEYS, playbookFields } from './playbook-fields.ts'
import { SchemaForm } from './schema-form/SchemaForm.tsx'

type PlaybookPatch = Partial<Pick<Playbook, (typeof PLAYBOOK_KEYS)[number]>>

/**
 * The playbook's own fields, shown when no node is selected: name, description, tags, SIEM rules,
 * inputs, outputs, vars and run settings, with their problems.
 */
export function PlaybookForm({ store }: { store: DesignerStore }) {
  const playbook = useStore(store, (s) => s.playbook)
  const allProblems = useStore(store, (s) => s.problems)
  const problems = useMemo(() => playbookProblems(allProblems), [allProblems])
  const value = Object.fromEntries(
    PLAYBOOK_KEYS.map((k) => [k, playbook[k]]).filter(([, v]) => v !== undefined),
  )
  return (
    <section className="insp-playbook" aria-label="Playbook">
      <header className="insp-header">
        <h2>Playbook</h2>
        <p className="insp-type">
          <code>{playbook.id}</code>
        </p>
        <p className="insp-help">Select a node to edit it.</p>
      </header>
      <SchemaForm
        fields={playbookFields()}
        value={value}
        problems={problems}
        onChange={(next) =>
          store
            .getState()
            .updatePlaybook(Object.fromEntries(PLAYBOOK_KEYS.map((k) => [k, next[k]])) as PlaybookPatch)
        }
      />
    </section>
  )
}
