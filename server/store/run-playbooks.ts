import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { Playbook } from '../../runtime/format/schema.ts'
import { deepFreeze } from '../../runtime/json/deep-freeze.ts'
import { perConnection } from '../db/per-connection.ts'
import { createLru } from './lru.ts'

/**
 * The playbook documents of runs, stored once each under the SHA-256 of their JSON (`run_playbooks`),
 * so a checkpoint carries the run's progress and not a copy of its playbook: with a 30-node playbook
 * that copy is tens of kilobytes, rewritten at every checkpoint of every run.
 */
export interface RunPlaybooks {
  /** The document's key and JSON (computed once per playbook object). */
  keyOf(playbook: Playbook): { hash: string; json: string }
  /** Stores the document unless it is there (inside the caller's transaction). */
  put(hash: string, json: string): void
  /** The document stored under `hash` (parsed once, deep-frozen and cached); undefined when there is none. */
  get(hash: string): Playbook | undefined
  /** Deletes the documents no run names any more; returns how many. */
  pruneUnused(): number
}

/** Parsed documents kept in memory: runs in flight share a few playbooks. */
const CACHE_SIZE = 64

/**
 * The run playbooks of a connection, shared by the stores on it (one set of statements, one cache).
 * @example const docs = runPlaybooks(sqlite); const { hash, json } = docs.keyOf(state.playbook); docs.put(hash, json)
 */
export const runPlaybooks: (sqlite: Database.Database) => RunPlaybooks = perConnection(createRunPlaybooks)

/** Prepares the statements of `run_playbooks` on one connection. */
function createRunPlaybooks(sqlite: Database.Database): RunPlaybooks {
  const insert = sqlite.prepare('INSERT INTO run_playbooks (hash, json) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const select = sqlite.prepare('SELECT json FROM run_playbooks WHERE hash = ?').pluck()
  const prune = sqlite.prepare(
    'DELETE FROM run_playbooks WHERE hash NOT IN (SELECT playbook_hash FROM runs WHERE playbook_hash IS NOT NULL)',
  )
  // The engine keeps one playbook object per run (and published versions are shared): hash it once.
  const keys = new WeakMap<Playbook, { hash: string; json: string }>()
  const parsed = createLru<string, Playbook>(CACHE_SIZE)
  return {
    keyOf(playbook) {
      let key = keys.get(playbook)
      if (!key) {
        const json = JSON.stringify(playbook)
        key = { hash: createHash('sha256').update(json).digest('base64url'), json }
        keys.set(playbook, key)
      }
      return key
    },
    put(hash, json) {
      insert.run(hash, json)
    },
    get(hash) {
      let doc = parsed.get(hash)
      if (!doc) {
        const json = select.get(hash) as string | undefined
        if (json === undefined) return undefined
        doc = deepFreeze(JSON.parse(json) as Playbook)
        parsed.set(hash, doc)
      }
      return doc
    },
    pruneUnused() {
      return prune.run().changes
    },
  }
}
