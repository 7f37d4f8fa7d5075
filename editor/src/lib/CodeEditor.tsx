import { type ComponentType, useEffect, useState } from 'react'
import type { CodeEditorProps } from './code-editor-props.ts'

export type { CodeEditorProps }

let loading: Promise<ComponentType<CodeEditorProps>> | undefined

/** Monaco needs web workers; jsdom (component tests) and very old browsers keep the textarea. */
function monacoAvailable(): boolean {
  return typeof window !== 'undefined' && typeof Worker !== 'undefined'
}

function loadMonaco(): Promise<ComponentType<CodeEditorProps>> {
  loading ??= import('./MonacoCodeEditor.tsx').then((m) => m.default)
  return loading
}

/**
 * A code editor: Monaco (installed, loaded on first use) with a plain `<textarea>` while it loads or
 * when it cannot load, so the field always works and always has its accessible name.
 * @example <CodeEditor language="yaml" value={text} onChange={setText} ariaLabel="Template" />
 */
export function CodeEditor(props: CodeEditorProps) {
  const [Monaco, setMonaco] = useState<ComponentType<CodeEditorProps> | null>(null)
  useEffect(() => {
    if (!monacoAvailable()) return
    let alive = true
    loadMonaco()
      .then((component) => {
        if (alive) setMonaco(() => component)
      })
      .catch(() => {
        loading = undefined // keep the textarea; a later editor may try again
      })
    return () => {
      alive = false
    }
  }, [])
  const height = props.height ?? 320
  return (
    <div className="code-editor" style={{ height }} data-language={props.language}>
      {Monaco ? (
        <Monaco {...props} height={height} />
      ) : (
        <textarea
          aria-label={props.ariaLabel}
          value={props.value}
          readOnly={props.readOnly}
          spellCheck={false}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </div>
  )
}
