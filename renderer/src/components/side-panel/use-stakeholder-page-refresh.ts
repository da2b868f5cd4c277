import { useEffect, useRef } from 'react';
import { useStore } from '../../store/context';

/**
 * Asks for the open stakeholder page's profile again once its data may have changed and every
 * save has landed: the register (an edit, a merge), or the open document's annotations or
 * relations (tagging, linking). Opening another document changes neither, so jumping from
 * mention to mention does not re-read the project.
 */
export function useStakeholderPageRefresh(): void {
  const refresh = useStore((s) => s.refreshStakeholderPage);
  const stakeholders = useStore((s) => s.project?.stakeholders);
  const document = useStore((s) => s.reader.document);
  const annotations = useStore((s) => s.reader.annotations);
  const relations = useStore((s) => s.reader.relations);
  const saved = useStore((s) => s.savesPending === 0);
  const seen = useRef({ stakeholders, document, annotations, relations });
  const stale = useRef(false);

  useEffect(() => {
    const before = seen.current;
    const key = document?.key;
    const sameDocument = key !== undefined && key === before.document?.key;
    if (
      stakeholders !== before.stakeholders ||
      (sameDocument && (annotations !== before.annotations || relations !== before.relations))
    ) {
      stale.current = true;
    }
    seen.current = { stakeholders, document, annotations, relations };
    if (stale.current && saved) {
      stale.current = false;
      void refresh();
    }
  }, [stakeholders, document, annotations, relations, saved, refresh]);
}
