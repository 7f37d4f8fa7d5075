/** Longest script source compiled ahead of its execution. */
const MAX_PRECOMPILED_CHARS = 16 * 1024

/**
 * The script sources a sandbox ran most recently, for compiling them into fresh contexts ahead of
 * their next execution (off the hot path). Only sources the `isPlainBody` check accepts are kept:
 * a source that is a single function body cannot close the wrapper it is compiled in, so compiling
 * it ahead runs none of it.
 * @example const recent = new RecentScripts(3, (code) => true); recent.note('return 1'); recent.list()
 */
export class RecentScripts {
  private readonly codes: string[] = []
  private readonly verdicts = new Map<string, boolean>()

  constructor(
    private readonly size: number,
    private readonly isPlainBody: ((code: string) => boolean) | undefined,
  ) {}

  /** Records an execution of `code`: it moves to the front if it may be compiled ahead. */
  note(code: string) {
    if (this.size === 0 || this.codes[0] === code || !this.eligible(code)) return
    const at = this.codes.indexOf(code)
    if (at >= 0) this.codes.splice(at, 1)
    this.codes.unshift(code)
    if (this.codes.length > this.size) this.codes.pop()
  }

  /** The sources to compile into the next fresh context, most recent first. */
  list(): readonly string[] {
    return this.codes
  }

  private eligible(code: string): boolean {
    if (!this.isPlainBody || code.length > MAX_PRECOMPILED_CHARS) return false
    let ok = this.verdicts.get(code)
    if (ok === undefined) {
      try {
        ok = this.isPlainBody(code)
      } catch {
        ok = false
      }
      if (this.verdicts.size >= 256) this.verdicts.clear()
      this.verdicts.set(code, ok)
    }
    return ok
  }
}
