import { create } from 'zustand'
import { ApiError, api, csrfToken, onUnauthorized, type Schemas, unwrap } from '../api/client.ts'

/** The logged-in caller, as `/api/auth/me` answers. */
export type Me = Schemas['Me']

interface SessionState {
  /** `undefined` while the first `/api/auth/me` is on its way; `null` when logged out. */
  me: Me | null | undefined
  /** Asks the server who we are (on load). */
  refresh(): Promise<void>
  /** Logs in; throws `ApiError` (401 wrong credentials, 429 too many attempts). */
  login(username: string, password: string): Promise<void>
  logout(): Promise<void>
  /** Whether the caller's role allows `permission` (e.g. `playbook.publish`). */
  can(permission: string): boolean
}

/**
 * The session: who is logged in and what the role allows. Any 401 from the API logs out locally,
 * which shows the login page.
 * @example const can = useSession((s) => s.can); can('run.production')
 */
export const useSession = create<SessionState>((set, get) => ({
  me: undefined,
  async refresh() {
    // Without the CSRF cookie there is no session: show the login page without asking (a 401
    // would only add a console error to every first visit).
    if (csrfToken() === undefined) {
      set({ me: null })
      return
    }
    try {
      set({ me: unwrap(await api.GET('/api/auth/me')) })
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) set({ me: null })
      else throw err
    }
  },
  async login(username, password) {
    const answer = unwrap(await api.POST('/api/auth/login', { body: { username, password } }))
    set({ me: answer.user })
  },
  async logout() {
    await api.POST('/api/auth/logout').catch(() => {})
    set({ me: null })
  },
  can(permission) {
    return get().me?.permissions.includes(permission) ?? false
  },
}))

onUnauthorized(() => useSession.setState({ me: null }))
