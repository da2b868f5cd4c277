import { type RefObject, useEffect, useRef } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { Code } from '../../../shared/model/codebook';
import type { Stakeholder } from '../../../shared/model/stakeholder';
import type { Hover } from '../reader/use-reader-pointer';
import { useStore } from '../store/context';
import { documentRelations } from '../store/relations-slice';
import { formatFigureValue } from './editors/format-figure';

/**
 * A small card naming the annotations under the pointer: code, and the stakeholder or value.
 * Decorative for pointer users (the inspector says the same for everyone), so it takes no focus.
 */
export function HoverCard({ hover }: { hover: Hover | null }) {
  const codes = useStore((s) => s.project?.codebook.codes);
  const stakeholders = useStore((s) => s.project?.stakeholders);
  const relationTypes = useStore((s) => s.project?.codebook.relationTypes);
  const relations = useStore(documentRelations);
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = card.current;
    if (!element || !hover) return;
    // Above the character, or below it at the top of the window; kept inside the window's width.
    const { rect } = hover;
    const width = element.offsetWidth;
    const height = element.offsetHeight;
    const top = rect.top - height - 6 >= 0 ? rect.top - height - 6 : rect.bottom + 6;
    element.style.top = `${Math.round(top)}px`;
    element.style.left = `${Math.round(Math.max(4, Math.min(rect.left - 8, window.innerWidth - width - 4)))}px`;
  }, [hover]);

  if (!hover) return null;
  return (
    <div ref={card} className="hover-card" role="tooltip">
      {hover.annotations.map((annotation) => (
        <HoverLine
          key={annotation.id}
          annotation={annotation}
          code={codes?.find((c) => c.id === annotation.code)}
          stakeholders={stakeholders}
          relationNames={relations
            .filter((r) => r.from === annotation.id || r.to === annotation.id)
            .map((r) => relationTypes?.find((t) => t.id === r.type)?.name ?? r.type)}
        />
      ))}
    </div>
  );
}

function HoverLine({
  annotation,
  code,
  stakeholders,
  relationNames,
}: {
  annotation: Annotation;
  code: Code | undefined;
  stakeholders: readonly Stakeholder[] | undefined;
  /** The types of the annotation's relations, one per relation. */
  relationNames: readonly string[];
}) {
  const stakeholder = annotation.stakeholderId
    ? stakeholders?.find((s) => s.id === annotation.stakeholderId)
    : undefined;
  const detail = stakeholder
    ? stakeholder.name
    : annotation.value
      ? formatFigureValue(annotation.value)
      : undefined;
  return (
    <div className="hover-card-line">
      <span className="hover-card-swatch" style={{ backgroundColor: code?.color ?? '#888888' }} />
      <span className="hover-card-code">{code?.name ?? annotation.code}</span>
      {detail && <span className="hover-card-detail">{detail}</span>}
      {relationNames.length > 0 && (
        <span className="hover-card-relations">↔ {[...new Set(relationNames)].join(', ')}</span>
      )}
      {annotation.note && (
        <span className="hover-card-note" title={annotation.note}>
          ✎
        </span>
      )}
    </div>
  );
}

/**
 * The keyboard caret. Text that cannot be edited shows no caret of its own, so while the
 * article has focus and the selection is collapsed in it, a thin bar is drawn where it is.
 * Positioned from the selection through the CSSOM (no React render per key).
 */
export function KeyboardCaret({ container }: { container: RefObject<HTMLElement | null> }) {
  const bar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const article = container.current;
    const caret = bar.current;
    if (!article || !caret) return;
    const update = () => {
      const selection = window.getSelection();
      // Cheap checks first: selections change as people type in any field of the app.
      const show =
        document.activeElement === article &&
        !!selection &&
        selection.rangeCount > 0 &&
        selection.isCollapsed &&
        !!selection.focusNode &&
        article.contains(selection.focusNode);
      const rect = show ? caretRect(selection) : undefined;
      // The parent, not offsetParent: a hidden caret has no offsetParent.
      const frame = rect ? caret.parentElement?.getBoundingClientRect() : undefined;
      if (!rect || !frame) {
        if (!caret.hidden) caret.hidden = true;
        return;
      }
      caret.hidden = false;
      caret.style.top = `${rect.top - frame.top}px`;
      caret.style.left = `${rect.left - frame.left}px`;
      caret.style.height = `${rect.height}px`;
      // Restart the blink so the caret is solid while it moves.
      caret.classList.remove('is-blinking');
      void caret.offsetWidth;
      caret.classList.add('is-blinking');
    };
    document.addEventListener('selectionchange', update);
    article.addEventListener('focus', update);
    article.addEventListener('blur', update);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      article.removeEventListener('focus', update);
      article.removeEventListener('blur', update);
      window.removeEventListener('resize', update);
    };
  }, [container]);

  return <div ref={bar} className="keyboard-caret" hidden aria-hidden="true" />;
}

/** Where a collapsed selection is drawn; the next character's left edge when the caret itself has no box. */
function caretRect(selection: Selection): DOMRect | undefined {
  const range = selection.getRangeAt(0);
  if (typeof range.getClientRects !== 'function') return undefined;
  const rect = range.getClientRects()[0];
  if (rect && rect.height > 0) return rect;
  const node = range.startContainer;
  if (!(node instanceof Text) || node.length === 0) return undefined;
  const probe = new Range();
  const at = Math.min(range.startOffset, node.length - 1);
  probe.setStart(node, at);
  probe.setEnd(node, at + 1);
  const next = probe.getClientRects()[0];
  if (!next) return undefined;
  const x = range.startOffset > at ? next.right : next.left;
  return new DOMRect(x, next.top, 0, next.height);
}
