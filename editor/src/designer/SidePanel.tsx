import { Inspector } from './inspector/Inspector.tsx'
import { HistoryPanel } from './run/HistoryPanel.tsx'
import { RunPanel } from './run/RunPanel.tsx'
import type { DesignerStore } from './store/types.ts'

export type PanelId = 'inspector' | 'run' | 'history'

const TABS: readonly { id: PanelId; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'run', label: 'Run' },
  { id: 'history', label: 'History' },
]

/**
 * The right side of the designer: the inspector, the run panel and the version history, as tabs.
 * The run panel stays mounted while hidden, so a live run keeps streaming into the overlay.
 */
export function SidePanel(props: {
  store: DesignerStore
  playbookId: string
  panel: PanelId
  onPanel(panel: PanelId): void
}) {
  const { store, playbookId, panel, onPanel } = props
  return (
    <aside className="side-panel" aria-label="Details">
      <div className="tabs side-panel__tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls={`side-panel-${t.id}`}
            onClick={() => onPanel(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`side-panel-${t.id}`}
          aria-labelledby={`side-tab-${t.id}`}
          className="side-panel__body"
          hidden={panel !== t.id}
        >
          {t.id === 'inspector' && <Inspector store={store} playbookId={playbookId} />}
          {t.id === 'run' && <RunPanel store={store} playbookId={playbookId} />}
          {t.id === 'history' && panel === 'history' && (
            <HistoryPanel store={store} playbookId={playbookId} />
          )}
        </div>
      ))}
    </aside>
  )
}
