import { render } from '@testing-library/react'
import { vi } from 'vitest'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import { api } from '../../api/client.ts'
import { useSession } from '../../app/session.ts'
import { createDesignerStore } from '../store/createDesignerStore.ts'
import { Inspector } from './Inspector.tsx'
import { forgetCredentials } from './schema-form/use-credentials.ts'
import { registry } from './test-fixtures.ts'

/** Test helper: logs in a user with `permissions`. */
export function loginAs(permissions: string[]) {
  useSession.setState({
    me: { id: 'u1', username: 'ana', role: 'analyst', permissions, via: 'session' },
  })
}

/** Test helper: answers `GET /api/credentials` with these credentials. */
export function stubCredentials(items: { name: string; type: string }[]) {
  forgetCredentials()
  const answer = {
    data: {
      items: items.map((c) => ({
        ...c,
        id: c.name,
        keyId: 'k1',
        createdAt: 0,
        updatedAt: 0,
        lastUsedAt: null,
      })),
    },
    response: new Response(null, { status: 200 }),
  }
  return vi.spyOn(api, 'GET').mockResolvedValue(answer as never)
}

/**
 * Test helper: renders the inspector over a real designer store holding `playbook`, with `selected`
 * selected, for a user who may edit (not list credentials: no request leaves the test) unless
 * `permissions` say otherwise.
 */
export function renderInspector(
  playbook: Playbook,
  selected: string[] = [],
  permissions = ['playbook.view', 'playbook.edit'],
) {
  loginAs(permissions)
  const store = createDesignerStore({ playbook, registry })
  store.getState().select(selected)
  const view = render(<Inspector store={store} playbookId={playbook.id} />)
  /** The current params of a node. */
  const params = (id: string) => store.getState().playbook.nodes.find((n) => n.id === id)?.params ?? {}
  const node = (id: string) => store.getState().playbook.nodes.find((n) => n.id === id)
  return { store, view, params, node }
}
