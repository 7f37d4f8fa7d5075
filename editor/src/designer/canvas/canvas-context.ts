import { createContext } from 'react'
import type { DesignerStore } from '../store/types.ts'

/** What canvas boxes need beyond their data: the store (notes edit through it) and read-only mode. */
export const CanvasContext = createContext<{ store?: DesignerStore; readOnly: boolean }>({ readOnly: true })
