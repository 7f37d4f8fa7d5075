import type Database from 'better-sqlite3'

/**
 * Makes `create` give one instance per SQLite connection, shared by every store on it (and dropped
 * with the connection).
 * @example export const groupCommit = perConnection(createGroupCommit)
 */
export function perConnection<T>(create: (sqlite: Database.Database) => T): (sqlite: Database.Database) => T {
  const byConnection = new WeakMap<Database.Database, T>()
  return (sqlite) => {
    let found = byConnection.get(sqlite)
    if (found === undefined) {
      found = create(sqlite)
      byConnection.set(sqlite, found)
    }
    return found
  }
}
