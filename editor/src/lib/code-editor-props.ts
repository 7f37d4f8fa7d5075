/** The props of the shared code editor (script nodes, template YAML/JSON, pasted events). */
export interface CodeEditorProps {
  value: string
  onChange(value: string): void
  language: 'json' | 'yaml' | 'javascript' | 'typescript'
  /** Pixels or any CSS height; 320 px by default. */
  height?: number | string
  /** Type declarations for TypeScript/JavaScript (e.g. a script node's context). */
  extraLib?: string
  /** The accessible name of the editing area. */
  ariaLabel: string
  readOnly?: boolean
}
