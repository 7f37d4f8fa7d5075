/// <reference types="vite/client" />
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import 'monaco-editor/languages/definitions/yaml/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker'
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker'

/**
 * Monaco from the installed package, never from a CDN (air-gapped SOCs): `loader.config` hands the
 * module to @monaco-editor/react and `getWorker` serves the language workers Vite bundled. Imported
 * only by `CodeEditor` through a dynamic import, so Monaco stays out of the first screen's JavaScript.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker()
    if (label === 'typescript' || label === 'javascript') return new TsWorker()
    return new EditorWorker()
  },
}

loader.config({ monaco })

export { monaco }
