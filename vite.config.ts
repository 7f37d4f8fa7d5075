import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

/**
 * One config for the editor build (root `editor/`, output `dist/editor`) and for vitest.
 * `npm run dev:editor` serves the editor with the API proxied to a server on 127.0.0.1:8080.
 * Editor tests opt into jsdom with a `// @vitest-environment jsdom` first line.
 * Benchmarks run through `npm run bench`, never as timed tests.
 */
export default defineConfig({
  root: 'editor',
  plugins: [react()],
  build: { outDir: '../dist/editor', emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/hooks': 'http://127.0.0.1:8080' },
  },
  test: {
    root: '.',
    include: ['{runtime,nodes,server,editor,cli,examples}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['editor/test/setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
})
