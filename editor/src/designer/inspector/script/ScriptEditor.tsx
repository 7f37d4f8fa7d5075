import { useId } from 'react'
import { CodeEditor } from '../../../lib/CodeEditor.tsx'
import type { FieldProblem } from '../field-problems.ts'
import { FieldProblems } from '../schema-form/FieldShell.tsx'

interface ScriptEditorProps {
  code: string
  onChange(code: string): void
  /** Declarations of the script context (`scriptTypings`), for Monaco's completions and checks. */
  typings: string
  readOnly: boolean
  problems: readonly FieldProblem[]
}

/**
 * A script node's code in the shared code editor (Monaco, loaded only when a script is opened),
 * typed against the script context: `input`, `trigger`, upstream `nodes`, `vars`, `console`, `lib`.
 */
export function ScriptEditor({ code, onChange, typings, readOnly, problems }: ScriptEditorProps) {
  const id = useId()
  return (
    <div className={`insp-field insp-script${problems.length ? ' insp-has-problem' : ''}`}>
      <div id={id} className="insp-label">
        JavaScript code
      </div>
      <CodeEditor
        value={code}
        onChange={onChange}
        language="javascript"
        height={280}
        extraLib={typings}
        ariaLabel="JavaScript code"
        readOnly={readOnly}
      />
      <p className="insp-help">
        Return the node’s output. Reads <code>input</code>, <code>trigger</code>,{' '}
        <code>nodes.&lt;id&gt;.output</code> (upstream only), <code>vars</code> and helpers in{' '}
        <code>lib</code>.
      </p>
      <FieldProblems problems={problems} />
    </div>
  )
}
