import { useMemo } from 'react'
import type { Playbook } from '../../../../runtime/format/schema.ts'
import type { NodeRegistry } from '../../../../runtime/node-type.ts'
import { createDesignerStore } from '../store/createDesignerStore.ts'
import type { DesignerStore } from '../store/types.ts'

/**
 * A designer store of its own for a playbook that is only shown (a version, a diff, a past run's
 * graph), so that showing it never touches the open draft's store or its undo history.
 * @example const store = useReadOnlyStore(version, registry)
 */
export function useReadOnlyStore(
  playbook: Playbook | undefined,
  registry: NodeRegistry | undefined,
): DesignerStore | undefined {
  return useMemo(
    () => (playbook && registry ? createDesignerStore({ playbook, registry }) : undefined),
    [playbook, registry],
  )
}
