import { type FormEvent, useMemo, useState } from 'react';
import { CURATION_ANNOTATOR } from '../../../../shared/model/curation-name';
import { useStore } from '../../store/context';

/** The two annotators to curate: of those who worked on the project's documents, the curated layer aside. */
export function CurationPairChoice() {
  const documents = useStore((s) => s.documents);
  const start = useStore((s) => s.startCuration);
  const names = useMemo(() => {
    const all = new Set<string>();
    for (const document of documents)
      for (const work of document.annotators ?? []) if (work.name !== CURATION_ANNOTATOR) all.add(work.name);
    return [...all].sort((x, y) => x.localeCompare(y));
  }, [documents]);
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const first = a ?? names[0] ?? '';
  const second = b ?? names.find((name) => name !== first) ?? '';
  if (names.length < 2) {
    return (
      <div className="analysis-empty">
        <p>Curation needs two annotators.</p>
        <p>
          Once a colleague codes the same articles in this project folder, their work and yours can be curated
          into one reading here.
        </p>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (first && second && first !== second) void start({ a: first, b: second });
  };
  return (
    <form className="curation-choice" onSubmit={submit}>
      <p>
        Walk through where two annotators differ and decide each difference into the curated layer, saved as
        the annotator “{CURATION_ANNOTATOR}”.
      </p>
      <label className="sp-field">
        Annotator A
        <select value={first} onChange={(event) => setA(event.target.value)}>
          {names.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label className="sp-field">
        Annotator B
        <select value={second} onChange={(event) => setB(event.target.value)}>
          {names.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      {first === second && <p className="field-error">Choose two different annotators.</p>}
      <button type="submit" className="button primary" disabled={first === second}>
        Curate
      </button>
    </form>
  );
}
