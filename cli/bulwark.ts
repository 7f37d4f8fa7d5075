import { Command, CommanderError } from 'commander'
import { createBuiltinRegistry } from '../nodes/registry.ts'
import { exportCommand } from './commands/export.ts'
import { fmtCommand } from './commands/fmt.ts'
import { importCommand } from './commands/import.ts'
import { runCommand } from './commands/run.ts'
import { testCommand } from './commands/test.ts'
import { validateCommand } from './commands/validate.ts'
import { cliRuntimeDeps } from './runtime-deps.ts'
import { DEFAULT_SERVER } from './server-client.ts'

/**
 * The `bulwark` command: validate, format, run and test playbook files; export and import them
 * against a server.
 * Exit codes: 0 ok, 1 a run or test failed, 2 invalid input or usage.
 */
const registry = createBuiltinRegistry()

const program = new Command()
  .name('bulwark')
  .description('Validate, format, run and test Bulwark playbooks; export and import them from a server')
  .showHelpAfterError()
  .exitOverride()

program
  .command('validate')
  .description('check playbook files (or the playbooks under folders) and print every problem')
  .argument('<paths...>', 'playbook files or folders')
  .action(async (paths: string[]) => {
    process.exitCode = await validateCommand(paths, registry)
  })

program
  .command('fmt')
  .description('rewrite playbook files in canonical form')
  .argument('<paths...>', 'playbook files or folders')
  .option('--check', 'only list files that are not canonical (exit 1 if any)')
  .action(async (paths: string[], opts: { check?: boolean }) => {
    process.exitCode = await fmtCommand(paths, opts, registry)
  })

program
  .command('run')
  .description('run a playbook and print its live trace')
  .argument('<playbook>', 'playbook JSON file')
  .option('-e, --event <file>', 'the trigger event (JSON file)')
  .option('-s, --simulate', 'test mode: side-effecting nodes return their sample response')
  .option('--offline', 'with --simulate: lookups answer from their sample responses too (no network)')
  .option('--json', 'print one JSON summary { status, output, error, steps } instead of the trace')
  .option('--events', 'print every trace event as a JSON line')
  .option('--state-out <file>', 'write the final run state (JSON) to a file')
  .action(
    async (
      file: string,
      opts: {
        event?: string
        simulate?: boolean
        offline?: boolean
        json?: boolean
        events?: boolean
        stateOut?: string
      },
    ) => {
      const runtime = cliRuntimeDeps()
      try {
        process.exitCode = await runCommand(
          file,
          { ...opts, color: process.stdout.isTTY },
          registry,
          runtime.deps,
        )
      } finally {
        await runtime.close()
      }
    },
  )

program
  .command('test')
  .description('run playbook test files (folders are searched for them)')
  .argument('[paths...]', 'test files or folders (default: .)')
  .option('--junit <file>', 'also write JUnit XML for CI')
  .action(async (paths: string[], opts: { junit?: string }) => {
    const runtime = cliRuntimeDeps()
    try {
      process.exitCode = await testCommand(paths, opts, registry, runtime.deps)
    } finally {
      await runtime.close()
    }
  })

const serverHelp = `server URL (default: BULWARK_SERVER or ${DEFAULT_SERVER})`
const tokenHelp =
  'API token (default: BULWARK_TOKEN); prefer the variable, the command line is visible to others'

program
  .command('export')
  .description('write playbooks from a server as canonical JSON files (<id>.json), drafts by default')
  .argument('[ids...]', 'playbook ids')
  .option('--all', 'every playbook on the server')
  .option('--version <n>', 'a published version instead of the draft (one playbook)')
  .option('-o, --out <dir>', 'folder to write to (default: .), or - for stdout (one playbook)')
  .option('--server <url>', serverHelp)
  .option('--token <token>', tokenHelp)
  .action(async (ids: string[], opts) => {
    process.exitCode = await exportCommand(ids, opts)
  })

program
  .command('import')
  .description("make the server's drafts equal to playbook files (create, update, or leave unchanged)")
  .argument('<paths...>', 'playbook files or folders')
  .option('--publish <note>', 'publish each draft that differs from its latest version, with this note')
  .option('--server <url>', serverHelp)
  .option('--token <token>', tokenHelp)
  .action(async (paths: string[], opts) => {
    process.exitCode = await importCommand(paths, opts, registry)
  })

try {
  await program.parseAsync()
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end with exit code 0; usage errors (already printed) with 2.
    process.exitCode = err.exitCode === 0 ? 0 : 2
  } else throw err
}
