import Editor from '@monaco-editor/react'
import { useEffect } from 'react'
import { useTheme } from '../app/theme.ts'
import type { CodeEditorProps } from './code-editor-props.ts'
import { monaco } from './monaco-setup.ts'

/** Each language's typings file name: one extra lib per language at a time. */
const EXTRA_LIB_PATH = 'file:///bulwark/context.d.ts'

/**
 * The Monaco half of `CodeEditor` (loaded lazily). Typings in `extraLib` are added to the TypeScript
 * and JavaScript language services while the editor is mounted.
 */
export default function MonacoCodeEditor({
  value,
  onChange,
  language,
  height = 320,
  extraLib,
  ariaLabel,
  readOnly = false,
}: CodeEditorProps) {
  const theme = useTheme((s) => s.theme)
  useEffect(() => {
    if (!extraLib || (language !== 'typescript' && language !== 'javascript')) return
    const defaults =
      language === 'typescript' ? monaco.typescript.typescriptDefaults : monaco.typescript.javascriptDefaults
    const lib = defaults.addExtraLib(extraLib, EXTRA_LIB_PATH)
    return () => lib.dispose()
  }, [extraLib, language])
  return (
    <Editor
      value={value}
      onChange={(next) => onChange(next ?? '')}
      language={language}
      height={height}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={{
        ariaLabel,
        readOnly,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        wordWrap: 'on',
      }}
    />
  )
}
