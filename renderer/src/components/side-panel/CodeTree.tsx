import { useDeferredValue, useId, useMemo } from 'react';
import type { Code } from '../../../../shared/model/codebook';
import { shortQuote } from '../../store/annotations-slice';
import { useStore } from '../../store/context';
import { type CodeNode, codeTree, countByCode, subtreeCount } from './codebook-view';
import { useCodebook } from './use-project-data';

/**
 * The codebook as buttons. With a passage selected in the reader, choosing a code tags it;
 * otherwise it lists that code's annotations. Counts are of the open document.
 */
export function CodeTree() {
  const codes = useCodebook().codes;
  // The counts follow a new tag in a render of their own, after the frame with its highlight:
  // counting 10,000 annotations has no place in that frame.
  const annotations = useDeferredValue(useStore((s) => s.reader.annotations));
  const pending = useStore((s) => s.pendingSelection);
  const tree = useMemo(() => codeTree(codes), [codes]);
  const counts = useMemo(() => countByCode(annotations), [annotations]);
  const hintId = useId();

  return (
    <>
      <p id={hintId} className="tab-hint">
        {pending
          ? `Choose a code to tag “${shortQuote(pending.quote.replace(/\s+/g, ' ').trim())}”`
          : 'Choose a code to list its annotations'}
      </p>
      {codes.length === 0 ? (
        <p className="empty-state">The codebook is empty. Edit it to add codes.</p>
      ) : (
        <ul className="code-tree" aria-label="Codes">
          {tree.map((node) => (
            <CodeTreeItem key={node.code.id} node={node} counts={counts} hintId={hintId} />
          ))}
        </ul>
      )}
    </>
  );
}

function CodeTreeItem({
  node,
  counts,
  hintId,
}: {
  node: CodeNode;
  counts: ReadonlyMap<string, number>;
  hintId: string;
}) {
  const { code, children } = node;
  return (
    <li>
      {code.codable ? (
        <CodeButton code={code} count={counts.get(code.id) ?? 0} hintId={hintId} />
      ) : (
        <div className="code-group">
          <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
          <span className="code-group-name">{code.name}</span>
          <span className="code-count" aria-hidden="true">
            {subtreeCount(node, counts) || ''}
          </span>
        </div>
      )}
      {children.length > 0 && (
        <ul>
          {children.map((child) => (
            <CodeTreeItem key={child.code.id} node={child} counts={counts} hintId={hintId} />
          ))}
        </ul>
      )}
    </li>
  );
}

function CodeButton({ code, count, hintId }: { code: Code; count: number; hintId: string }) {
  const hasPending = useStore((s) => s.pendingSelection !== null);
  const filtered = useStore((s) => s.codeFilter.length === 1 && s.codeFilter[0] === code.id);
  const applyCode = useApplyCode();
  const detailsId = useId();
  const details = [
    code.shortcut ? `shortcut ${code.shortcut.toUpperCase()}` : '',
    count === 1 ? '1 annotation in this document' : `${count} annotations in this document`,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <button
      type="button"
      className="row-button code-button"
      aria-label={code.name}
      aria-describedby={`${detailsId} ${hintId}`}
      aria-current={filtered ? 'true' : undefined}
      title={code.description || undefined}
      // Keeps the reader's text selection (and focus) while a passage waits to be tagged.
      onMouseDown={(event) => {
        if (hasPending) event.preventDefault();
      }}
      onClick={() => void applyCode(code)}
    >
      <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
      <span className="code-name">{code.name}</span>
      {code.shortcut && <kbd>{code.shortcut.toUpperCase()}</kbd>}
      <span className="code-count" aria-hidden="true">
        {count || ''}
      </span>
      <span id={detailsId} className="visually-hidden">
        {details}
      </span>
    </button>
  );
}

/** Choosing a code: tag the pending passage with it, or list its annotations. */
function useApplyCode() {
  const pending = useStore((s) => s.pendingSelection);
  const tag = useStore((s) => s.tag);
  const setPendingSelection = useStore((s) => s.setPendingSelection);
  const setCodeFilter = useStore((s) => s.setCodeFilter);
  const setTab = useStore((s) => s.setSidePanelTab);

  return async (code: Code) => {
    if (pending) {
      setPendingSelection(null);
      // Stakeholder and figure codes are tagged without a stakeholder or value; the inspector,
      // which shows the new annotation at once, asks for them.
      await tag({ code: code.id, start: pending.start, end: pending.end });
      return;
    }
    setCodeFilter([code.id]);
    setTab('annotations');
  };
}
