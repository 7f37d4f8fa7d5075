// @vitest-environment jsdom
import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { CodeEditorProps } from '../../../lib/code-editor-props.ts'
import { smallPlaybook } from '../test-fixtures.ts'
import { renderInspector } from '../test-render.tsx'

const seen = vi.hoisted(() => ({ props: undefined as CodeEditorProps | undefined }))

// The shared editor loads Monaco in a browser; here it only records what the inspector hands it.
vi.mock('../../../lib/CodeEditor.tsx', () => ({
  CodeEditor: (props: CodeEditorProps) => {
    seen.props = props
    return (
      <textarea
        aria-label={props.ariaLabel}
        value={props.value}
        readOnly={props.readOnly}
        onChange={() => {}}
      />
    )
  },
}))

describe('script node editor', () => {
  it('opens the code as JavaScript with typings of the upstream nodes only', () => {
    renderInspector(smallPlaybook(), ['score'])
    expect(screen.getByLabelText('JavaScript code')).toBeTruthy()
    expect(seen.props).toMatchObject({ language: 'javascript', value: 'return 1', readOnly: false })
    const lib = seen.props?.extraLib ?? ''
    expect(lib).toContain('"start": { output:')
    expect(lib).toContain('"ip": { output:')
    expect(lib).not.toContain('"side"')
    expect(lib).toContain('declare const lib')
  })

  it('is read-only without edit rights', () => {
    renderInspector(smallPlaybook(), ['score'], ['playbook.view'])
    expect(seen.props?.readOnly).toBe(true)
  })
})
