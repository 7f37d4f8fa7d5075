import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App.tsx'
import { useTheme } from './app/theme.ts'
import './styles/base.css'

document.documentElement.dataset.theme = useTheme.getState().theme
const root = document.getElementById('root')
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
