/** Which sandbox worker a thread runs: the pool's script/expression worker or the expression channel's. */
export type WorkerKind = 'pool' | 'expressions'

/**
 * The file a sandbox worker thread starts from. From source (tests, tsx) it is `worker-boot.mjs`,
 * which registers tsx and picks the worker by `workerData.entry`; the server bundle
 * (`bin/server-bundle.mjs`) replaces this module so its threads start from compiled JavaScript and
 * never load tsx (each tsx registration costs a thread tens of MB).
 * @example new Worker(workerEntry('pool'), { workerData: config })
 */
export function workerEntry(_kind: WorkerKind): URL {
  return new URL('./worker-boot.mjs', import.meta.url)
}
