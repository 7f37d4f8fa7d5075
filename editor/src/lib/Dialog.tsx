import { type ReactNode, useEffect, useRef } from 'react'

/**
 * A modal dialog: labelled by its title, closes on Escape and on a click outside, focuses its first
 * field when it opens and gives focus back to where it was when it closes.
 * @example <Dialog title="New playbook" onClose={close}><form>…</form></Dialog>
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string
  onClose(): void
  children: ReactNode
  wide?: boolean
}) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null
    const first = ref.current?.querySelector<HTMLElement>(
      'input, textarea, select, button:not(.dialog-close)',
    )
    first?.focus()
    return () => before?.focus?.()
  }, [])
  return (
    // The backdrop only closes on a pointer press outside; the keyboard path is Escape below.
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div
        ref={ref}
        className={wide ? 'dialog wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            onClose()
          }
        }}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  )
}
