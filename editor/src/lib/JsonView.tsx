import { useMemo } from 'react'

const MAX_CHARS = 200_000

/** Pretty JSON for display, cut at `max` characters so a huge output cannot freeze the page. */
export function prettyJson(value: unknown, max = MAX_CHARS): string {
  let text: string
  try {
    text = JSON.stringify(value, null, 2) ?? String(value)
  } catch (err) {
    text = `(cannot be shown: ${err instanceof Error ? err.message : String(err)})`
  }
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text
}

/**
 * A collapsible, labelled JSON block (input, output, logs, error of a step).
 * @example <JsonView label="Output" value={step.output} open />
 */
export function JsonView({ label, value, open = false }: { label: string; value: unknown; open?: boolean }) {
  const text = useMemo(() => prettyJson(value), [value])
  return (
    <details className="json-view" open={open}>
      <summary>{label}</summary>
      <pre>{text}</pre>
    </details>
  )
}
