import { playbookSchema } from '../../../../runtime/format/schema.ts'
import { describeObject, type FieldDescriptor } from './schema-form/descriptor.ts'
import { toJsonSchema } from './schema-form/json-schema.ts'
import { relabel } from './schema-form/relabel.ts'

/** The playbook fields edited when no node is selected. */
export const PLAYBOOK_KEYS = [
  'name',
  'description',
  'tags',
  'rules',
  'inputs',
  'outputs',
  'vars',
  'settings',
] as const
export type PlaybookKey = (typeof PLAYBOOK_KEYS)[number]

let cached: FieldDescriptor[] | undefined

/** The playbook-level form's fields, generated from the playbook format's schema. */
export function playbookFields(): FieldDescriptor[] {
  cached ??= relabel(
    describeObject(
      toJsonSchema(playbookSchema.pick(Object.fromEntries(PLAYBOOK_KEYS.map((k) => [k, true])) as never))!,
    ),
    {
      name: { label: 'Playbook name' },
      description: { label: 'Playbook description' },
      tags: { label: 'Tags' },
      rules: { label: 'SIEM rule ids', description: 'Correlation rules this playbook answers.' },
      inputs: { label: 'Inputs', description: 'Typed inputs when the playbook is called as a sub-playbook.' },
      outputs: { label: 'Outputs', description: 'What the playbook returns; each value is a template.' },
      vars: { label: 'Variables', description: 'Constants that expressions read as vars.<name>.' },
      settings: { label: 'Run settings' },
      'settings.timeoutMs': { label: 'Run timeout (ms)' },
      'settings.concurrency': { label: 'Nodes at once' },
      'settings.nodeTimeoutMs': { label: 'Default node timeout (ms)' },
    },
  )
  return cached
}
