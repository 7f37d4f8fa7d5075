import { lazy, Suspense, useEffect } from 'react'
import { Route, Switch } from 'wouter'
import { LoginPage } from '../pages/LoginPage.tsx'
import { Layout } from './Layout.tsx'
import { useSession } from './session.ts'

// Pages load on first visit, so the first screen stays small (Monaco loads only in its editors).
const PlaybooksPage = lazy(() => import('../pages/PlaybooksPage.tsx'))
const DesignerPage = lazy(() => import('../designer/DesignerPage.tsx'))
const RunsPage = lazy(() => import('../pages/RunsPage.tsx'))
const RunDetailPage = lazy(() => import('../pages/RunDetailPage.tsx'))
const ApprovalsPage = lazy(() => import('../pages/ApprovalsPage.tsx'))
const TemplatesPage = lazy(() => import('../pages/TemplatesPage.tsx'))
const CredentialsPage = lazy(() => import('../pages/CredentialsPage.tsx'))
const AuditPage = lazy(() => import('../pages/AuditPage.tsx'))
const DashboardPage = lazy(() => import('../pages/dashboard/DashboardPage.tsx'))
const CasesPage = lazy(() => import('../pages/cases/CasesPage.tsx'))
const CasePage = lazy(() => import('../pages/case-detail/CasePage.tsx'))

/** The routes of the editor. Every page but the login needs a session. */
export function App() {
  const me = useSession((s) => s.me)
  const refresh = useSession((s) => s.refresh)
  useEffect(() => {
    void refresh()
  }, [refresh])
  if (me === undefined) return <div className="splash">Bulwark</div>
  if (me === null) return <LoginPage />
  return (
    <Layout>
      <Suspense fallback={<div className="page-loading">Loading…</div>}>
        <Switch>
          <Route path="/" component={PlaybooksPage} />
          <Route path="/playbooks/:id" component={DesignerPage} />
          <Route path="/runs" component={RunsPage} />
          <Route path="/runs/:id" component={RunDetailPage} />
          <Route path="/dashboard" component={DashboardPage} />
          <Route path="/cases" component={CasesPage} />
          <Route path="/cases/:id" component={CasePage} />
          <Route path="/approvals" component={ApprovalsPage} />
          <Route path="/templates" component={TemplatesPage} />
          <Route path="/credentials" component={CredentialsPage} />
          <Route path="/audit" component={AuditPage} />
          <Route>
            <div className="page">
              <h1>Not found</h1>
              <p>There is no page at this address.</p>
            </div>
          </Route>
        </Switch>
      </Suspense>
    </Layout>
  )
}
