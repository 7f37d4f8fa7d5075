import { defineConfig } from 'vitest/config'

/**
 * One config for the editor build (root `editor/`, output `dist/editor`) and for vitest.
 * Benchmarks run through `npm run bench`, never as timed tests.
 */
export default defineConfig({
  root: 'editor',
  build: { outDir: '../dist/editor', emptyOutDir: true },
  test: {
    root: '.',
    include: ['{runtime,nodes,server,editor,cli,examples}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
})
