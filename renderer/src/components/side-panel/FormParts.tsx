/** Why the project refused an edit, where it was made; nothing when there is no message. */
export function SaveError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert">
      {message}
    </p>
  );
}

/** An inline form's buttons: save first, then cancel. */
export function FormActions({ submitLabel, onCancel }: { submitLabel: string; onCancel: () => void }) {
  return (
    <div className="sp-form-actions">
      <button type="submit" className="button button-primary">
        {submitLabel}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
