import { useEffect, useState } from 'react';
import { useStore } from '../../store/context';
import { AnnotatorDialog } from './AnnotatorDialog';
import './AnnotatorName.css';

/**
 * Who is annotating, in the header. A button that opens the dialog to change it; the same dialog
 * opens by itself on first start (no name chosen yet) and when another computer turns out to
 * use the name in this project. A name fixed by GLOSS_ANNOTATOR or --annotator is only shown.
 */
export function AnnotatorName() {
  const annotator = useStore((s) => s.annotator);
  const load = useStore((s) => s.loadAnnotator);
  // Asked again whenever main opens a project, or opens it as someone else.
  const root = useStore((s) => s.project?.root);
  const projectAnnotator = useStore((s) => s.project?.annotator);
  const [open, setOpen] = useState(false);
  /** "Not now" on the question: not asked again until the page is loaded again. */
  const [putOff, setPutOff] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: root and projectAnnotator are when to ask main again
  useEffect(() => {
    void load();
  }, [load, root, projectAnnotator]);

  if (!annotator) return null;
  if (annotator.fixedBy !== null) {
    return (
      <span className="annotator-name" title={fixedTitle(annotator.fixedBy)}>
        <span className="visually-hidden">Annotator: </span>
        {annotator.name}
      </span>
    );
  }
  const mustAsk = (!annotator.chosen || annotator.taken !== null) && !putOff;
  return (
    <>
      <button
        type="button"
        className="button annotator-name"
        aria-haspopup="dialog"
        aria-label={`Annotator: ${annotator.name}`}
        title="Change who you annotate as"
        onClick={() => setOpen(true)}
      >
        {annotator.name}
      </button>
      {(open || mustAsk) && (
        <AnnotatorDialog
          info={annotator}
          onClose={() => {
            setOpen(false);
            setPutOff(true);
          }}
        />
      )}
    </>
  );
}

function fixedTitle(by: 'GLOSS_ANNOTATOR' | '--annotator' | 'caller'): string {
  return by === 'caller' ? 'Your annotator name' : `Your annotator name, set by ${by} when Gloss started`;
}
