/** Where `npm start` keeps the compiled server. */
export const SERVER_OUT_DIR: string
/** Builds the server and its sandbox workers into `outDir` (see server-bundle.mjs). */
export function buildServer(outDir?: string): Promise<void>
/** The compiled server's entry (a file URL), built first when missing or stale. */
export function compiledServer(outDir?: string): Promise<string>
