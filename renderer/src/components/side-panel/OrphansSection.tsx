import { useMemo } from 'react';
import { useStore } from '../../store/context';
import { useCodebook } from './use-project-data';
import './OrphansSection.css';

/**
 * The open document's orphans: annotations whose passage was not found again after the article
 * changed on disk. Each shows the quote it had; the researcher selects the passage in the text and
 * re-attaches it there, or deletes it. Shown only while there are some.
 */
export function OrphansSection() {
  const orphans = useStore((s) => s.reader.document?.orphans ?? NONE);
  const hasSelection = useStore((s) => s.pendingSelection !== null);
  const reattach = useStore((s) => s.reattachOrphan);
  const remove = useStore((s) => s.deleteOrphan);
  const codes = useCodebook().codes;
  const codesById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  if (orphans.length === 0) return null;

  return (
    <section className="orphans" aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">
        {orphans.length === 1 ? '1 annotation' : `${orphans.length} annotations`} not found in the changed
        article
      </h3>
      <p className="orphans-hint">
        {hasSelection
          ? 'Re-attach one to the passage selected in the text.'
          : 'Select its passage in the text to re-attach it, or delete it.'}
      </p>
      <ul aria-label="Orphaned annotations">
        {orphans.map((orphan) => {
          const code = codesById.get(orphan.code);
          return (
            <li key={orphan.id} className="orphan">
              <span className="orphan-code">
                {code && <span className="swatch" style={{ background: code.color }} aria-hidden="true" />}
                {code?.name ?? orphan.code}
              </span>
              <q className="orphan-quote">{orphan.target.quote}</q>
              <span className="orphan-actions">
                <button
                  type="button"
                  className="button"
                  disabled={!hasSelection}
                  onClick={() => void reattach(orphan.id)}
                >
                  Re-attach here
                </button>
                <button type="button" className="button button-danger" onClick={() => void remove(orphan.id)}>
                  Delete
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

const NONE: never[] = [];
