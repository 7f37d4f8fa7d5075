import './palette.css'
import { type DragEvent, useMemo, useState } from 'react'
import type { NodeType } from '../../../../runtime/node-type.ts'
import { NODE_DRAG_TYPE } from '../canvas/drop.ts'
import { iconFor } from '../canvas/node-icons.ts'
import { useViewCentre } from '../canvas/use-view-centre.ts'
import { placeBeside } from '../layout/placement.ts'
import type { DesignerStore } from '../store/types.ts'
import { type PaletteItem, paletteGroups } from './palette-groups.ts'

function onDragStart(e: DragEvent, item: PaletteItem) {
  e.dataTransfer.setData(NODE_DRAG_TYPE, JSON.stringify({ type: item.type, version: item.version }))
  e.dataTransfer.effectAllowed = 'copy'
}

/**
 * The node palette: node types grouped by category, with search. Drag an item onto the canvas, or
 * click it to add it beside the selection (or in the middle of the view).
 * @example <Palette store={store} types={catalog.palette} />
 */
export function Palette({ store, types }: { store: DesignerStore; types: readonly NodeType[] }) {
  const [query, setQuery] = useState('')
  const groups = useMemo(() => paletteGroups(types, query), [types, query])
  const centre = useViewCentre()

  const add = (item: PaletteItem) => {
    const s = store.getState()
    s.addNode(item.type, item.version, placeBeside(s.playbook, s.selection, centre()))
  }

  return (
    <nav className="palette" aria-label="Node palette">
      <input
        type="search"
        className="palette__search"
        placeholder="Search nodes…"
        aria-label="Search nodes"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="palette__groups">
        {groups.length === 0 && <p className="palette__empty">No node matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.id} className="palette__group" aria-labelledby={`palette-${group.id}`}>
            <h3 id={`palette-${group.id}`}>{group.label}</h3>
            <ul>
              {group.items.map((item) => {
                const Icon = iconFor(item.icon)
                return (
                  <li key={item.type}>
                    <button
                      type="button"
                      className="palette__item"
                      draggable
                      data-testid={`palette-item-${item.type}`}
                      aria-label={item.title}
                      title={item.description ? `${item.description} (${item.type})` : item.type}
                      onDragStart={(e) => onDragStart(e, item)}
                      onClick={() => add(item)}
                    >
                      <Icon size={15} aria-hidden="true" />
                      <span>{item.title}</span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  )
}
