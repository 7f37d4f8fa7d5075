import { create } from 'zustand'
import { api, unwrap } from '../api/client.ts'

interface PendingApprovals {
  /** Pending approvals the caller can see; `undefined` until the first answer. */
  count: number | undefined
  /** Asks the server again (the nav polls; the inbox calls it after a decision). */
  refresh(): Promise<void>
}

/**
 * The number of pending approvals behind the nav badge, shared so that deciding in the inbox updates
 * the badge at once instead of at the next poll.
 * @example const count = usePendingApprovals((s) => s.count)
 */
export const usePendingApprovals = create<PendingApprovals>((set) => ({
  count: undefined,
  async refresh() {
    const { count } = unwrap(await api.GET('/api/approvals', { params: { query: { status: 'pending' } } }))
    set({ count })
  },
}))
