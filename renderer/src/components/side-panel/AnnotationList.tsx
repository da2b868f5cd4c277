import {
  type FocusEvent,
  type KeyboardEvent,
  memo,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
} from 'react';
import { flushSync } from 'react-dom';
import type { Annotation } from '../../../../shared/model/annotation';
import type { Code } from '../../../../shared/model/codebook';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { useStore } from '../../store/context';
import { VirtualList, type VirtualListHandle } from '../document-list/VirtualList';
import { formatFigureValue } from '../editors/format-figure';
import { useCodebook, useStakeholders } from './use-project-data';
import { useRowFocus } from './use-row-focus';

/** Pixels per row; AnnotationsTab.css lays a row out to fit (.annotation-row). */
const ROW_HEIGHT = 52;

/**
 * The annotations as a list of buttons; only the rows in view are drawn. Choosing one selects
 * it and brings its passage into view in the reader. ↑/↓, Home, End, Page Up/Down move through
 * the list, selecting as they go; Delete removes your own annotation. The list is one Tab stop:
 * the selected row (or the first).
 */
export const AnnotationList = memo(function AnnotationList({
  annotations,
}: {
  annotations: readonly Annotation[];
}) {
  // Deferred like the list itself (AnnotationsTab): a new tag selects its annotation, and the
  // row, and the scroll that brings it into view, can wait for the frame with its highlight.
  const selectedId = useDeferredValue(useStore((s) => s.selectedAnnotationId));
  const annotator = useStore((s) => s.project?.annotator);
  const codes = useCodebook().codes;
  const stakeholders = useStakeholders();
  const list = useRef<VirtualListHandle>(null);

  const codesById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const stakeholdersById = useMemo(() => new Map(stakeholders.map((s) => [s.id, s])), [stakeholders]);
  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : annotations.findIndex((a) => a.id === selectedId)),
    [annotations, selectedId],
  );

  // Keep the selected annotation in view, whether chosen here or in the reader.
  useEffect(() => {
    if (selectedIndex !== -1) list.current?.scrollToIndex(selectedIndex);
  }, [selectedIndex]);
  useRowFocus('annotations', selectedIndex, list);

  // The same element while the deferred values stand still, so the urgent render of a new
  // selection stops here instead of redrawing every row in view.
  return useMemo(
    () => (
      <VirtualList
        ref={list}
        className="annotation-list"
        label="Annotations"
        items={annotations}
        rowHeight={ROW_HEIGHT}
        itemKey={(a) => a.id}
        renderRow={(annotation, index) => (
          <AnnotationRow
            annotation={annotation}
            next={annotations[index + 1] ?? annotations[index - 1]}
            selected={index === selectedIndex}
            tabStop={index === (selectedIndex === -1 ? 0 : selectedIndex)}
            code={codesById.get(annotation.code)}
            stakeholder={
              annotation.stakeholderId ? stakeholdersById.get(annotation.stakeholderId) : undefined
            }
            own={annotation.author === annotator}
          />
        )}
      />
    ),
    [annotations, selectedIndex, codesById, stakeholdersById, annotator],
  );
});

function AnnotationRow({
  annotation,
  next,
  selected,
  tabStop,
  code,
  stakeholder,
  own,
}: {
  annotation: Annotation;
  /** The row to select when this one is deleted. */
  next: Annotation | undefined;
  selected: boolean;
  tabStop: boolean;
  code: Code | undefined;
  stakeholder: Stakeholder | undefined;
  own: boolean;
}) {
  const selectAnnotation = useStore((s) => s.selectAnnotation);
  const scrollToAnnotation = useStore((s) => s.scrollToAnnotation);
  const removeAnnotation = useStore((s) => s.removeAnnotation);

  const choose = () => {
    selectAnnotation(annotation.id);
    scrollToAnnotation(annotation.id);
  };

  // Arrow keys move focus from row to row (VirtualList); selection follows them. Focus that
  // arrives from outside the list (Tab) only lands, without selecting.
  const onFocus = (event: FocusEvent<HTMLButtonElement>) => {
    const from = event.relatedTarget;
    const fromRow = from instanceof Element && from.closest('.annotation-list') !== null;
    if (fromRow && !selected) choose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'Delete' && event.key !== 'Backspace') return;
    event.preventDefault();
    // Others' annotations are theirs; the inspector says so.
    if (!own) return;
    const rows = event.currentTarget.closest('.annotation-list');
    // Remove and select the neighbour now, so its row exists to take focus in this keypress.
    flushSync(() => {
      void removeAnnotation(annotation.id);
      if (next) selectAnnotation(next.id);
    });
    rows?.querySelector<HTMLElement>(`[data-annotation-id="${next?.id}"]`)?.focus();
  };

  const detail = annotation.value
    ? formatFigureValue(annotation.value)
    : annotation.stakeholderId
      ? (stakeholder?.name ?? annotation.stakeholderId)
      : '';

  return (
    <button
      type="button"
      className="row-button annotation-row"
      data-annotation-id={annotation.id}
      aria-current={selected ? 'true' : undefined}
      tabIndex={tabStop ? 0 : -1}
      onClick={choose}
      onFocus={onFocus}
      onKeyDown={onKeyDown}
    >
      <span className="swatch" style={{ background: code?.color }} aria-hidden="true" />
      <span className="annotation-row-text">
        <span className="annotation-row-head">
          <span className="annotation-row-code">{code?.name ?? annotation.code}</span>
          {detail && <span className="annotation-row-detail">{detail}</span>}
          {!own && <span className="annotation-row-author">{annotation.author}</span>}
          {annotation.note && (
            <span className="annotation-row-note" title={annotation.note}>
              <span aria-hidden="true">✎</span>
              <span className="visually-hidden">, has a note</span>
            </span>
          )}
        </span>
        <span className="annotation-row-quote">{annotation.target.quote}</span>
      </span>
    </button>
  );
}
