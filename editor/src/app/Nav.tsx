import {
  Activity,
  BriefcaseBusiness,
  Inbox,
  KeyRound,
  LayoutDashboard,
  LogOut,
  type LucideIcon,
  Moon,
  Puzzle,
  ScrollText,
  Sun,
  Workflow,
} from 'lucide-react'
import { useEffect } from 'react'
import { Link, useLocation } from 'wouter'
import { usePendingApprovals } from '../lib/pending-approvals.ts'
import { usePolling } from '../lib/usePolling.ts'
import { useSession } from './session.ts'
import { useTheme } from './theme.ts'

/** How often the approvals badge asks the server. */
export const APPROVAL_POLL_MS = 10_000

interface NavItem {
  to: string
  label: string
  icon: LucideIcon
  /** Other path prefixes that belong to this item (the designer belongs to Playbooks). */
  also?: string
  permission?: string
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Playbooks', icon: Workflow, also: '/playbooks' },
  { to: '/dashboard', label: 'Dashboard', icon: LayoutDashboard, permission: 'case.read' },
  { to: '/cases', label: 'Cases', icon: BriefcaseBusiness, permission: 'case.read' },
  { to: '/runs', label: 'Runs', icon: Activity },
  { to: '/approvals', label: 'Approvals', icon: Inbox },
  { to: '/templates', label: 'Templates', icon: Puzzle },
  { to: '/credentials', label: 'Credentials', icon: KeyRound, permission: 'credential.manage' },
  { to: '/audit', label: 'Audit', icon: ScrollText, permission: 'audit.read' },
]

/**
 * Whether the current location belongs to a nav item.
 * @example isActive({ to: '/runs', … }, '/runs/r_1') // true
 */
export function isActive(item: Pick<NavItem, 'to' | 'also'>, location: string): boolean {
  const under = (prefix: string) => location === prefix || location.startsWith(`${prefix}/`)
  if (item.to === '/') return location === '/' || (item.also !== undefined && under(item.also))
  return under(item.to) || (item.also !== undefined && under(item.also))
}

function ApprovalCount() {
  const count = usePendingApprovals((s) => s.count)
  const refresh = usePendingApprovals((s) => s.refresh)
  useEffect(() => {
    refresh().catch(() => {})
  }, [refresh])
  usePolling(refresh, APPROVAL_POLL_MS)
  if (!count) return null
  return (
    <span className="nav-count" role="status" aria-label={`${count} pending`}>
      {count}
    </span>
  )
}

/** The left navigation: pages the role may see, the approvals badge, the user, theme and logout. */
export function Nav() {
  const [location] = useLocation()
  const me = useSession((s) => s.me)
  const can = useSession((s) => s.can)
  const logout = useSession((s) => s.logout)
  const theme = useTheme((s) => s.theme)
  const toggleTheme = useTheme((s) => s.toggle)
  const next = theme === 'dark' ? 'light' : 'dark'
  return (
    <nav className="nav" aria-label="Main">
      <div className="nav-brand">Bulwark</div>
      {NAV_ITEMS.filter((item) => !item.permission || can(item.permission)).map((item) => (
        <Link key={item.to} href={item.to} aria-current={isActive(item, location) ? 'page' : undefined}>
          <item.icon size={16} aria-hidden="true" />
          {item.label}
          {item.to === '/approvals' ? <ApprovalCount /> : null}
        </Link>
      ))}
      <div className="nav-footer">
        {me ? (
          <div className="nav-user">
            <strong>{me.username}</strong>
            <span className="muted">{me.role}</span>
          </div>
        ) : null}
        <div className="row">
          <button
            type="button"
            className="ghost"
            onClick={toggleTheme}
            aria-label={`Switch to ${next} theme`}
          >
            {theme === 'dark' ? <Sun size={16} aria-hidden="true" /> : <Moon size={16} aria-hidden="true" />}
          </button>
          <button type="button" className="ghost" onClick={() => void logout()}>
            <LogOut size={16} aria-hidden="true" />
            Log out
          </button>
        </div>
      </div>
    </nav>
  )
}
