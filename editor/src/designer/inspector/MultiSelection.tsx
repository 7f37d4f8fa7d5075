interface MultiSelectionProps {
  count: number
  canEdit: boolean
  onDelete(): void
}

/** Several nodes selected: how many, and how to delete them. */
export function MultiSelection({ count, canEdit, onDelete }: MultiSelectionProps) {
  return (
    <section className="insp-multi" aria-label="Selection">
      <h2>{`${count} nodes selected`}</h2>
      {canEdit ? (
        <>
          <p className="insp-help">
            Press <kbd>Delete</kbd> to remove them, or select one node to edit it.
          </p>
          <button type="button" className="insp-danger-button" onClick={onDelete}>
            {`Delete ${count} nodes`}
          </button>
        </>
      ) : (
        <p className="insp-help">Select one node to see its settings.</p>
      )}
    </section>
  )
}
