// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { CodeEditor } from './CodeEditor.tsx'
import { JsonView, prettyJson } from './JsonView.tsx'

function Harness() {
  const [value, setValue] = useState('a: 1')
  return (
    <>
      <CodeEditor language="yaml" value={value} onChange={setValue} ariaLabel="Template text" />
      <output>{value}</output>
    </>
  )
}

describe('CodeEditor', () => {
  it('works as a labelled text area where Monaco cannot load (no web workers)', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const box = screen.getByRole('textbox', { name: 'Template text' })
    await user.type(box, '\nb: 2')
    expect(screen.getByRole('status').textContent).toBe('a: 1\nb: 2')
  })
})

describe('JsonView', () => {
  it('shows pretty JSON under its label and cuts huge values', () => {
    render(<JsonView label="Output" value={{ a: [1] }} open />)
    expect(screen.getByText('Output')).toBeTruthy()
    expect(document.querySelector('pre')?.textContent).toBe('{\n  "a": [\n    1\n  ]\n}')
    expect(prettyJson('x'.repeat(50), 10)).toMatch(/^"xxxxxxxxx\n… \(42 more characters\)$/)
    expect(prettyJson(undefined)).toBe('undefined')
  })
})
