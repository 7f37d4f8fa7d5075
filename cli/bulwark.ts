#!/usr/bin/env node
import { Command, Option } from 'commander'
import { createBuiltinRegistry } from '../nodes/registry.ts'
import { fmtCommand } from './commands/fmt.ts'
import { runCommand } from './commands/run.ts'
import { testCommand } from './commands/test.ts'
import { validateCommand } from './commands/validate.ts'

/** The `bulwark` command: validate, format and run playbook files. */
const program = new Command()
  .name('bulwark')
  .description('Validate, format and run Bulwark playbooks')
  .showHelpAfterError()

const registry = createBuiltinRegistry()

program
  .command('validate')
  .description('check playbook files and print every problem')
  .argument('<files...>', 'playbook JSON files')
  .action(async (files: string[]) => {
    process.exitCode = await validateCommand(files, registry)
  })

program
  .command('fmt')
  .description('rewrite playbook files in canonical form')
  .argument('<files...>', 'playbook JSON files')
  .option('--check', 'only list files that are not canonical (exit 1 if any)')
  .action(async (files: string[], opts: { check?: boolean }) => {
    process.exitCode = await fmtCommand(files, opts, registry)
  })

program
  .command('run')
  .description('run a playbook and print its live trace')
  .argument('<playbook>', 'playbook JSON file')
  .option('-e, --event <file>', 'the trigger event (JSON file)')
  .addOption(
    new Option('-m, --mode <mode>', 'test simulates side effects')
      .choices(['test', 'production'])
      .default('test'),
  )
  .option('--json', 'print events as JSON lines')
  .option('--state-out <file>', 'write the final run state (JSON) to a file')
  .action(
    async (
      file: string,
      opts: { event?: string; mode: 'test' | 'production'; json?: boolean; stateOut?: string },
    ) => {
      process.exitCode = await runCommand(file, { ...opts, color: process.stdout.isTTY }, registry)
    },
  )

program
  .command('test')
  .description('run playbook test files (cases with events, decisions and expectations)')
  .argument('<files...>', 'test JSON files')
  .action(async (files: string[]) => {
    process.exitCode = await testCommand(files, registry)
  })

await program.parseAsync()
