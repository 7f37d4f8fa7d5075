import type { ReactNode } from 'react'
import { Nav } from './Nav.tsx'

/**
 * The shell around every page: the nav on the left, the page in the rest. The main area is a flex
 * column with `min-height: 0`, so the designer can fill it while list pages scroll inside it.
 * @example <Layout><RunsPage /></Layout>
 */
export function Layout({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <Nav />
      <main className="main">{children}</main>
    </div>
  )
}
