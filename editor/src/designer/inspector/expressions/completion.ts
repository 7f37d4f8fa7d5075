import type { Suggestion } from './suggestions.ts'

/** Where a completion applies in a field's text, and the text typed so far. */
export interface CompletionRange {
  from: number
  to: number
  query: string
  /** True when the whole field is replaced by `{{ path }}` (a rule's field typed without braces). */
  wrap: boolean
}

const TOKEN_BEFORE = /[\w$.[\]'"-]*$/
const TOKEN_AFTER = /^[\w$]*/

/**
 * The completion at the caret: inside an open `{{` (right after it, or while typing a path), or, with
 * `bare`, the whole text of a field that holds no braces yet. `undefined` when nothing applies.
 * @example completionRange('Hello {{ trig', 13) // { from: 9, to: 13, query: 'trig', wrap: false }
 */
export function completionRange(
  text: string,
  caret: number,
  opts: { bare?: boolean } = {},
): CompletionRange | undefined {
  const before = text.slice(0, caret)
  const open = before.lastIndexOf('{{')
  if (open >= 0 && open > before.lastIndexOf('}}')) {
    const token = TOKEN_BEFORE.exec(before.slice(open + 2))?.[0] ?? ''
    const from = caret - token.length
    const typedSinceOpen = before.slice(open + 2, from)
    if (token === '' && typedSinceOpen.trim() !== '') return undefined
    const to = caret + (TOKEN_AFTER.exec(text.slice(caret))?.[0].length ?? 0)
    return { from, to, query: token, wrap: false }
  }
  if (opts.bare && !text.includes('{{')) return { from: 0, to: text.length, query: text.trim(), wrap: true }
  return undefined
}

/**
 * The suggestions matching what was typed: paths starting with it first, then paths containing it.
 * @example filterSuggestions(all, 'nodes.vt').map((s) => s.path) // ['nodes.vt.output', 'nodes.vt.output.malicious', …]
 */
export function filterSuggestions(all: readonly Suggestion[], query: string, limit = 50): Suggestion[] {
  const q = query.toLowerCase()
  if (q === '') return all.slice(0, limit)
  const starts: Suggestion[] = []
  const contains: Suggestion[] = []
  for (const s of all) {
    const p = s.path.toLowerCase()
    if (p.startsWith(q)) starts.push(s)
    else if (p.includes(q)) contains.push(s)
  }
  return [...starts, ...contains].slice(0, limit)
}

/**
 * The text after choosing `path`, and where the caret goes: the typed token is replaced, a missing
 * `}}` is added, a bare field becomes `{{ path }}`.
 * @example applyCompletion('{{ tr', { from: 3, to: 5, query: 'tr', wrap: false }, 'trigger.ip') // { text: '{{ trigger.ip }}', caret: 16 }
 */
export function applyCompletion(
  text: string,
  range: CompletionRange,
  path: string,
): { text: string; caret: number } {
  if (range.wrap) {
    const next = `{{ ${path} }}`
    return { text: next, caret: next.length }
  }
  const after = text.slice(range.to)
  const close = after.indexOf('}}')
  const reopen = after.indexOf('{{')
  const closed = close >= 0 && (reopen < 0 || close < reopen)
  const lead = text[range.from - 1] === '{' ? ' ' : ''
  const inserted = `${lead}${path}${closed ? '' : ' }}'}`
  return { text: text.slice(0, range.from) + inserted + after, caret: range.from + inserted.length }
}
