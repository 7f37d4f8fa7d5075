import { Modal } from '../dialog/Modal.tsx'
import { SHORTCUT_HELP } from './keymap.ts'

/** The keyboard shortcut overlay (`?`). */
export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <table className="list shortcut-help">
        <tbody>
          {SHORTCUT_HELP.map((s) => (
            <tr key={s.description}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  )
}
