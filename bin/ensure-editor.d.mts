/** Builds the editor into dist/editor when missing or older than its sources (see ensure-editor.mjs). */
export function ensureEditor(log?: (message: string) => void): Promise<void>
