import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** What `npm start` runs, split into the parts a test harness needs to start the same process. */
export interface StartCommand {
  /** Variables the shell sets before node starts (e.g. `MALLOC_ARENA_MAX`). */
  env: Record<string, string>
  /** Flags given to node before the script (e.g. `--max-semi-space-size=8`). */
  nodeArgs: string[]
  /** The script, relative to the project root. */
  script: string
}

const PACKAGE_JSON = fileURLToPath(new URL('../../package.json', import.meta.url))

/**
 * Parses a start script of the form `[NAME=value…] node [--flag…] <script>`, so end-to-end tests and
 * benchmarks start the server exactly as `npm start` does. Throws on any other shape.
 * @example parseStartScript('A=1 node --x=2 bin/s.mjs') // { env: { A: '1' }, nodeArgs: ['--x=2'], script: 'bin/s.mjs' }
 */
export function parseStartScript(command: string): StartCommand {
  const words = command.trim().split(/\s+/)
  const env: Record<string, string> = {}
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = (words.shift() as string).split('=')
    env[name as string] = value.join('=')
  }
  if (words.shift() !== 'node') throw new Error(`the start script does not run node: ${command}`)
  const nodeArgs: string[] = []
  while (words[0]?.startsWith('--')) nodeArgs.push(words.shift() as string)
  const script = words.shift()
  if (!script || words.length > 0)
    throw new Error(`the start script is not "node [flags] <script>": ${command}`)
  return { env, nodeArgs, script }
}

/** The project's `npm start`, parsed. */
export function startCommand(): StartCommand {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { scripts?: { start?: string } }
  return parseStartScript(pkg.scripts?.start ?? '')
}
