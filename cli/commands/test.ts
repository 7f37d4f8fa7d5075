import { readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import pc from 'picocolors'
import { createEngine } from '../../runtime/engine/engine.ts'
import type { EngineDeps } from '../../runtime/engine/types.ts'
import type { NodeRegistry } from '../../runtime/node-type.ts'
import { type CaseResult, runTestCase, testFileSchema } from '../../runtime/testing/playbook-test.ts'
import { expandArgs, isTestFile } from '../find-files.ts'
import { toJunit } from '../junit.ts'
import { folderLoader, formatProblems, loadPlaybookFile } from '../load-playbook.ts'

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'))
}

/** Runs the cases of one test file; every problem becomes a failed case, never a crash. */
export async function runTestFile(
  file: string,
  registry: NodeRegistry,
  extra: Partial<EngineDeps> = {},
): Promise<CaseResult[]> {
  const fail = (name: string, why: string): CaseResult[] => [
    { name, passed: false, failures: [why], status: 'failed', events: [] },
  ]
  let raw: unknown
  try {
    raw = await readJson(file)
  } catch (err) {
    return fail(file, `cannot read the test file: ${err instanceof Error ? err.message : String(err)}`)
  }
  const parsed = testFileSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `$.${i.path.join('.')}: ${i.message}`).join('; ')
    return fail(file, `invalid test file: ${issues}`)
  }
  const dir = dirname(file)
  const pbFile = resolve(dir, parsed.data.playbook)
  const loaded = await loadPlaybookFile(pbFile, registry)
  if (!loaded.playbook || loaded.problems.some((p) => p.severity === 'error')) {
    return fail(file, `playbook does not validate:\n${formatProblems(pbFile, loaded.problems).join('\n')}`)
  }
  const engine = createEngine({
    registry,
    playbooks: await folderLoader(dirname(pbFile), registry),
    ...extra,
  })
  const results: CaseResult[] = []
  for (const tc of parsed.data.cases) {
    let event: unknown = tc.event ?? {}
    if (tc.eventFile) {
      try {
        event = await readJson(resolve(dir, tc.eventFile))
      } catch (err) {
        results.push(
          ...fail(
            tc.name,
            `cannot read ${tc.eventFile}: ${err instanceof Error ? err.message : String(err)}`,
          ),
        )
        continue
      }
    }
    results.push(await runTestCase(engine, loaded.playbook, tc, event))
  }
  return results
}

/**
 * `bulwark test [files|dirs…]`: runs playbook test files (folders are searched for them; default `.`).
 * Exit code 1 if a case fails, 2 if no test file is found. `junit` writes JUnit XML for CI.
 */
export async function testCommand(
  args: string[],
  opts: { junit?: string },
  registry: NodeRegistry,
  extra: Partial<EngineDeps> = {},
  out = console,
): Promise<number> {
  const files = await expandArgs(args.length ? args : ['.'], isTestFile)
  if (files.length === 0) {
    out.error(`no playbook test files found in ${(args.length ? args : ['.']).join(', ')}`)
    return 2
  }
  let passed = 0
  let failed = 0
  const suites: { file: string; results: CaseResult[] }[] = []
  for (const file of files) {
    out.log(pc.bold(file))
    const results = await runTestFile(file, registry, extra)
    suites.push({ file, results })
    for (const r of results) {
      if (r.passed) passed++
      else failed++
      out.log(`  ${r.passed ? pc.green('✔') : pc.red('✖')} ${r.name}`)
      for (const f of r.failures) out.log(`      ${pc.red(f)}`)
    }
  }
  if (opts.junit) await writeFile(opts.junit, toJunit(suites))
  out.log(`${passed} passed, ${failed} failed`)
  return failed > 0 ? 1 : 0
}
