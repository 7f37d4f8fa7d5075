import { createContext, useContext } from 'react'
import type { Suggestion } from './expressions/suggestions.ts'

/** What every field of the inspector needs to know about where it is. */
export interface InspectorEnv {
  /** Expression completions for the node being edited (empty at playbook level). */
  suggestions: readonly Suggestion[]
}

export const InspectorEnvContext = createContext<InspectorEnv>({ suggestions: [] })

/** The inspector's environment, provided by `Inspector` for the selected node. */
export function useInspectorEnv(): InspectorEnv {
  return useContext(InspectorEnvContext)
}
