/** Import rules from ARCHITECTURE.md: runtime ← nodes ← server; the editor imports only browser-safe code. */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'runtime-is-pure',
      comment: 'runtime/ imports nothing of ours and no node: modules (I/O is injected)',
      severity: 'error',
      from: { path: '^runtime/' },
      to: { path: '^(nodes|server|editor|cli)/' },
    },
    {
      name: 'runtime-no-node-builtins',
      severity: 'error',
      from: { path: '^runtime/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'nodes-only-runtime',
      severity: 'error',
      from: { path: '^nodes/' },
      to: { path: '^(server|editor|cli)/' },
    },
    {
      name: 'nodes-browser-safe',
      comment: 'the editor imports node metadata: node types use injected I/O, never node: modules',
      severity: 'error',
      from: { path: '^nodes/', pathNot: '(\\.test\\.ts$|/testing/|test-context\\.ts$|alert/sample\\.ts$)' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-not-editor',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(editor|cli)/' },
    },
    {
      name: 'editor-browser-safe',
      comment: 'editor/e2e holds the Chromium end-to-end tests, which drive a real server process',
      severity: 'error',
      from: { path: '^editor/', pathNot: '^editor/e2e/' },
      to: { path: '^(server|cli)/' },
    },
    {
      name: 'editor-no-node-builtins',
      severity: 'error',
      from: { path: '^editor/', pathNot: '^editor/e2e/|\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(node_modules|dist|data)/' },
  },
}
