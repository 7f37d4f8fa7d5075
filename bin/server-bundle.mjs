// Compiles the server and its sandbox worker threads to JavaScript with esbuild (a dependency of tsx),
// so the server process runs without tsx: every tsx registration loads a transform service and a
// loader thread, tens of MB per thread. Rebuilt only when one of the inputs it was built from changed.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SELF = fileURLToPath(import.meta.url)
/** Where `npm start` keeps the compiled server. */
export const SERVER_OUT_DIR = join(ROOT, 'dist/server')
const ENTRIES = {
  main: 'server/main.ts',
  'sandbox-worker': 'server/sandbox/worker.ts',
  'expression-worker': 'server/sandbox/expression-worker.ts',
}
const STAMP = 'inputs.json'
// The module that names the sandbox threads' start file: compiled workers start from their bundles.
const WORKER_ENTRY = join(ROOT, 'server/sandbox/worker-entry.ts')
const COMPILED_WORKER_ENTRY = `export function workerEntry(kind) {
  return new URL(kind === 'expressions' ? './expression-worker.mjs' : './sandbox-worker.mjs', import.meta.url)
}`

/** A digest of the inputs' paths, sizes and modification times (undefined when one is gone). */
function fingerprint(inputs) {
  const hash = createHash('sha256').update(process.version)
  for (const file of [relative(ROOT, SELF), ...inputs]) {
    try {
      const s = statSync(join(ROOT, file))
      hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`)
    } catch {
      return undefined
    }
  }
  return hash.digest('hex')
}

function isFresh(outDir) {
  try {
    const stamp = JSON.parse(readFileSync(join(outDir, STAMP), 'utf8'))
    for (const name of Object.keys(ENTRIES)) statSync(join(outDir, `${name}.mjs`))
    return stamp.fingerprint !== undefined && stamp.fingerprint === fingerprint(stamp.inputs)
  } catch {
    return false
  }
}

/** Bundled code reads `import.meta.url` of the file it came from, relative to where the bundle lies. */
function sourceUrls(outDir) {
  return {
    name: 'bulwark-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.(ts|mjs)$/ }, async (args) => {
        if (args.path === WORKER_ENTRY) return { contents: COMPILED_WORKER_ENTRY, loader: 'js' }
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined
        const source = await readFile(args.path, 'utf8')
        if (!source.includes('import.meta.url')) return undefined
        const rel = relative(outDir, args.path).split(sep).join('/')
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`
        return {
          contents: source.replaceAll('import.meta.url', url),
          loader: args.path.endsWith('.ts') ? 'ts' : 'js',
        }
      })
    },
  }
}

/**
 * Builds `main.mjs`, `sandbox-worker.mjs` and `expression-worker.mjs` into `outDir` (packages stay
 * external, loaded from node_modules). Each file is written aside and renamed into place, the stamp
 * last, so a concurrent start never sees a half-written file.
 * @example await buildServer('dist/server')
 */
export async function buildServer(outDir = SERVER_OUT_DIR) {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [sourceUrls(outDir)],
  })
  mkdirSync(outDir, { recursive: true })
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true })
    const aside = `${file.path}.${process.pid}.tmp`
    writeFileSync(aside, file.contents)
    renameSync(aside, file.path)
  }
  const inputs = Object.keys(result.metafile.inputs).sort()
  const aside = join(outDir, `${STAMP}.${process.pid}.tmp`)
  writeFileSync(aside, JSON.stringify({ fingerprint: fingerprint(inputs), inputs }, null, 1))
  renameSync(aside, join(outDir, STAMP))
}

/**
 * The compiled server's entry (a file URL), built first when missing or stale.
 * @example await import(await compiledServer())
 */
export async function compiledServer(outDir = SERVER_OUT_DIR) {
  if (!isFresh(outDir)) await buildServer(outDir)
  return new URL(`file://${join(outDir, 'main.mjs')}`).href
}

if (process.argv[1] === SELF) {
  await buildServer(process.argv[2] ?? SERVER_OUT_DIR)
  console.log(`compiled the server into ${process.argv[2] ?? SERVER_OUT_DIR}`)
}
