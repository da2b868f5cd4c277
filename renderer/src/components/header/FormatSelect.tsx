/** The format field of the export and import dialogs: each format by id, with what it is. */
export function FormatSelect({
  formats,
  value,
  onChange,
}: {
  formats: readonly { id: string; description: string }[] | null;
  value: string;
  onChange(id: string): void;
}) {
  return (
    <label className="sp-field">
      <span>Format</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} disabled={!formats}>
        {(formats ?? []).map((f) => (
          <option key={f.id} value={f.id}>
            {f.id} — {f.description}
          </option>
        ))}
      </select>
    </label>
  );
}
