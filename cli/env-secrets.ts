import type { SecretResolver } from '../runtime/node-type.ts'

/**
 * Credentials for command-line runs come from environment variables: the credential `virustotal`
 * (or `virustotal-api-key`) is read from `BULWARK_CREDENTIAL_VIRUSTOTAL` (`…_VIRUSTOTAL_API_KEY`).
 * Values never appear in output: the engine redacts every secret it hands out.
 * @example envSecrets({ BULWARK_CREDENTIAL_SLACK: 'xoxb-…' }).get('slack')
 */
export function envSecrets(env: Record<string, string | undefined> = process.env): SecretResolver {
  return {
    async get(name: string) {
      const key = `BULWARK_CREDENTIAL_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`
      const value = env[key]
      return value === undefined || value === '' ? undefined : value
    },
  }
}
