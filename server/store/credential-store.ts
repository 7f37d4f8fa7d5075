import type { SecretResolver } from '../../runtime/node-type.ts'

/** What may be shown about a credential: never its value. */
export interface CredentialMeta {
  id: string
  name: string
  type: string
  keyId: string
  createdAt: number
  updatedAt: number
  lastUsedAt: number | null
}

/** Credentials encrypted at rest; values go only to the engine's `SecretResolver`. */
export interface CredentialStore {
  /** Creates or replaces the value of `name`. */
  put(input: { name: string; type: string; value: string }): Promise<CredentialMeta>
  getMeta(name: string): Promise<CredentialMeta | undefined>
  list(): Promise<CredentialMeta[]>
  delete(name: string): Promise<boolean>
  /** The decrypted value, recording the use; undefined if absent. */
  reveal(name: string): Promise<string | undefined>
  /** A resolver for the engine; `onUse` sees every name resolved (for the audit log). */
  resolver(onUse?: (name: string, found: boolean) => void): SecretResolver
}

/** Per-playbook webhook secrets (HMAC keys), encrypted like credentials because they must be read back. */
export interface WebhookSecretStore {
  /** The playbook's secret, created on first call. */
  ensure(playbookId: string): Promise<string>
  get(playbookId: string): Promise<string | undefined>
  /** Replaces the secret and returns the new one. */
  rotate(playbookId: string): Promise<string>
}
