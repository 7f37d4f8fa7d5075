import type { CaseResult } from '../runtime/testing/playbook-test.ts'

const esc = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  )

/**
 * JUnit XML for CI systems: one `<testsuite>` per test file, one `<testcase>` per case.
 * @example toJunit([{ file: 't.json', results: [] }])
 */
export function toJunit(suites: { file: string; results: CaseResult[]; ms?: number }[]): string {
  const total = suites.reduce((n, s) => n + s.results.length, 0)
  const failures = suites.reduce((n, s) => n + s.results.filter((r) => !r.passed).length, 0)
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="bulwark" tests="${total}" failures="${failures}">`,
  ]
  for (const s of suites) {
    const f = s.results.filter((r) => !r.passed).length
    lines.push(`  <testsuite name="${esc(s.file)}" tests="${s.results.length}" failures="${f}">`)
    for (const r of s.results) {
      if (r.passed) lines.push(`    <testcase classname="${esc(s.file)}" name="${esc(r.name)}"/>`)
      else {
        lines.push(`    <testcase classname="${esc(s.file)}" name="${esc(r.name)}">`)
        lines.push(
          `      <failure message="${esc(r.failures[0] ?? 'failed')}">${esc(r.failures.join('\n'))}</failure>`,
        )
        lines.push('    </testcase>')
      }
    }
    lines.push('  </testsuite>')
  }
  lines.push('</testsuites>', '')
  return lines.join('\n')
}
