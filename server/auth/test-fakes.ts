import { hashToken } from '../crypto/token.ts'
import type { SessionLookup, SessionRecord, TokenLookup } from './authenticate.ts'
import type { UserRecord } from './user.ts'

/** In-memory session and token lookups keyed by raw token (hashed as the real stores are). */
export function fakeAuthStores() {
  const sessionRows = new Map<string, SessionRecord>()
  const tokenRows = new Map<string, UserRecord>()
  const sessions: SessionLookup = { get: (hash) => sessionRows.get(hash) }
  const tokens: TokenLookup = { get: async (hash) => tokenRows.get(hash) }
  return {
    sessions,
    tokens,
    addSession(token: string, record: SessionRecord) {
      sessionRows.set(hashToken(token), record)
    },
    addToken(token: string, user: UserRecord) {
      tokenRows.set(hashToken(token), user)
    },
  }
}
