/**
 * The system clipboard for toolbar buttons, with a fallback: when the browser refuses (no
 * permission, an insecure origin, a headless browser), copied text is kept in memory for this tab.
 */

let memory = ''

/** Puts text on the clipboard (and in the in-page fallback). */
export async function writeClipboard(text: string): Promise<void> {
  memory = text
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    // The in-page copy above is the fallback.
  }
}

/** Reads the clipboard, or the last text copied in this page when the browser will not say. */
export async function readClipboard(): Promise<string> {
  try {
    const text = await navigator.clipboard.readText()
    if (text) return text
  } catch {
    // Fall back to what this page copied.
  }
  return memory
}

/** Remembers text copied through the keyboard (the copy event), for the toolbar's Paste. */
export function rememberCopied(text: string): void {
  memory = text
}
