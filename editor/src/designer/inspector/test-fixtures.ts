import phishing from '../../../../examples/playbooks/phishing-triage.json'
import { createBuiltinRegistry } from '../../../../nodes/registry.ts'
import type { Playbook } from '../../../../runtime/format/schema.ts'

/** Test fixtures shared by the inspector's tests: the phishing example and the built-in registry. */
export const registry = createBuiltinRegistry()

/** A fresh copy of the phishing triage example playbook. */
export function phishingPlaybook(): Playbook {
  return structuredClone(phishing) as Playbook
}

/** A small playbook: a manual trigger with a form → lookup → script, plus a node off to the side. */
export function smallPlaybook(): Playbook {
  return {
    format: 'bulwark.playbook/2',
    id: 'small',
    name: 'Small',
    vars: { threshold: 5 },
    nodes: [
      {
        id: 'start',
        type: 'trigger.manual',
        version: 1,
        params: { fields: [{ name: 'host', type: 'string', required: true }] },
      },
      { id: 'ip', type: 'enrich.ip-info', version: 1, params: { ip: '{{ trigger.host }}', lists: {} } },
      { id: 'score', type: 'script.javascript', version: 1, params: { code: 'return 1', input: { ip: '' } } },
      { id: 'side', type: 'flow.delay', version: 1, params: { ms: 10 } },
    ],
    edges: [
      { from: 'start', to: 'ip' },
      { from: 'ip', to: 'score' },
    ],
    layout: {},
  }
}
