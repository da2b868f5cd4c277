import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import type { DocumentMetadata, DocumentStatus, PageStart } from '../../../shared/model/document';
import { DOCUMENT_STATUSES } from '../../../shared/model/vocabulary';
import { afterNextPaint } from '../reader/after-paint';
import { placeCaret } from '../reader/dom-selection';
import { useHighlights } from '../reader/use-highlights';
import { useKeyboardSelection } from '../reader/use-keyboard-selection';
import { useReaderPointer } from '../reader/use-reader-pointer';
import { useReadingPlace } from '../reader/use-reading-place';
import { useScrollRequests } from '../reader/use-scroll-requests';
import { useSuggestionHighlights } from '../reader/use-suggestion-highlights';
import { useStore } from '../store/context';
import { selectOpenDocumentMissing } from '../store/documents-slice';
import { Paragraphs } from './ArticleParagraphs';
import { ErrorNotice } from './ErrorNotice';
import { TagPalette } from './palette/TagPalette';
import { useTagPalette } from './palette/use-tag-palette';
import { HoverCard, KeyboardCaret } from './ReaderOverlays';
import { RelationArcs } from './RelationArcs';
import { ReaderViewSwitch } from './reader-views/ReaderViewSwitch';
import { SideBySide } from './reader-views/SideBySide';
import './Reader.css';

const STATUS_LABELS: Record<DocumentStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
};

/** The open document: its title, where it comes from, its status, and its text to read and tag. */
export function Reader() {
  const key = useStore((s) => s.reader.key);
  const document = useStore((s) => s.reader.document);
  const error = useStore((s) => s.reader.error);
  const missing = useStore(selectOpenDocumentMissing);
  const view = useStore((s) => s.readerView.view);

  if (key === null) return <p className="empty-state">Choose a document to read it.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!document) return <p className="empty-state">Opening {key}…</p>;

  return (
    <article
      className={view === 'side-by-side' ? 'reader reader-side-by-side' : 'reader'}
      aria-labelledby="reader-title"
    >
      {missing && <MissingOnDisk fileKey={key} />}
      <header className="reader-header">
        <h1 id="reader-title">{document.title}</h1>
        <Provenance metadata={document.metadata} />
        <StatusControl status={document.status} />
        <ReaderViewSwitch />
      </header>
      {view === 'side-by-side' ? (
        <SideBySide text={document.text} />
      ) : (
        // A colleague's view is for reading theirs: a tag made there would not be shown in it.
        <ArticleBody text={document.text} pages={document.metadata.pages} tagging={view !== 'colleague'} />
      )}
    </article>
  );
}

/** The open article left the folder's list: what was loaded stays readable, and the researcher knows why. */
function MissingOnDisk({ fileKey }: { fileKey: string }) {
  return (
    <div className="error-notice reader-missing" role="status">
      <p>
        This article was removed or renamed on disk: <code>{fileKey}</code> is no longer in the folder. Gloss
        keeps showing the copy it last loaded; put the file back under this name to go on tagging it.
      </p>
    </div>
  );
}

function Provenance({ metadata }: { metadata: DocumentMetadata }) {
  const { byline, siteName, publishedTime } = metadata;
  if (!byline && !siteName && !publishedTime) return null;
  return (
    <p className="provenance">
      {byline && <span className="byline">{byline}</span>}
      {publishedTime && (
        <time className="date" dateTime={publishedTime}>
          {formatDate(publishedTime)}
        </time>
      )}
      {siteName && <span className="site">{siteName}</span>}
    </p>
  );
}

/** The researcher's status for this document, as a segmented control of three radio buttons. */
function StatusControl({ status }: { status: DocumentStatus }) {
  const setStatus = useStore((s) => s.setStatus);
  const name = useId();
  return (
    <fieldset className="status-control">
      <legend className="visually-hidden">Status</legend>
      {DOCUMENT_STATUSES.map((value) => (
        <label key={value} className="status-option" data-status={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={status === value}
            onChange={() => void setStatus(value)}
          />
          <span>{STATUS_LABELS[value]}</span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * The text and everything drawn over it: highlights, the keyboard caret, the hover card and the
 * tagging palette. Keys pressed anywhere in here go to the palette first (its shortcuts).
 */
function ArticleBody({
  text,
  pages,
  tagging,
}: {
  text: string;
  /** A PDF's pages, marked marked at the paragraphs they begin in. */
  pages?: readonly PageStart[];
  tagging: boolean;
}) {
  const section = useRef<HTMLElement>(null);
  const codes = useStore((s) => s.project?.codebook.codes);
  const pending = useStore((s) => s.pendingSelection);
  const setPendingSelection = useStore((s) => s.setPendingSelection);
  const painter = useHighlights(section, text, codes);
  const hintId = useId();

  const cancelCaret = useRef<() => void>(undefined);
  const returnFocus = useCallback(
    (caretAt?: number) => {
      section.current?.focus({ preventScroll: true });
      cancelCaret.current?.();
      if (caretAt === undefined) return;
      // After the frame with the new tag: the caret can wait a frame, the highlight should not.
      // On a busy machine that frame can come late, after the researcher has begun the next
      // selection: then theirs stays (a press of the mouse cancels this; keys change the selection).
      const blocks = painter.current?.blocks;
      const before = selectionMark(window.getSelection());
      cancelCaret.current = afterNextPaint(() => {
        const selection = window.getSelection();
        if (!sameMark(selectionMark(selection), before)) return;
        if (blocks && painter.current?.blocks === blocks) placeCaret(selection, blocks, caretAt);
      });
    },
    [painter],
  );
  useEffect(() => () => cancelCaret.current?.(), []);
  const palette = useTagPalette({ returnFocus });
  const pointer = useReaderPointer(section, painter, text);
  const onArticleKeyDown = useKeyboardSelection(section, painter, text);
  useScrollRequests(section, painter, text);
  useReadingPlace(section, text);
  useSuggestionHighlights(painter, text);

  // A passage chosen in one document is not offered for tagging in another.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new text is the trigger.
  useEffect(() => () => setPendingSelection(null), [text, setPendingSelection]);

  const anchorRect = useMemo(
    () => () => {
      const range = pending ? painter.current?.rangeFor(pending.start, pending.end) : undefined;
      // Ranges have no boxes where nothing is laid out (jsdom); the palette then stays in the flow.
      return typeof range?.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : undefined;
    },
    [pending, painter],
  );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys bubble here from the article and the palette; both are focusable.
    <div className="reader-body" onKeyDown={tagging ? palette.onKeyDown : undefined}>
      <section
        ref={section}
        className="article-text"
        aria-label="Article text"
        aria-describedby={hintId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the text takes focus so it can be selected with the keyboard.
        tabIndex={0}
        onMouseDown={(event) => {
          cancelCaret.current?.();
          pointer.onMouseDown(event);
        }}
        onMouseMove={pointer.onMouseMove}
        onMouseLeave={pointer.onMouseLeave}
        onKeyDown={onArticleKeyDown}
      >
        <Paragraphs text={text} pages={pages} />
      </section>
      <p id={hintId} className="visually-hidden">
        {tagging
          ? 'Select a passage to tag it: drag with the mouse, or use Shift with the arrow keys (Ctrl or Alt for whole words). Then press a code’s key, or slash to search the codes.'
          : 'A colleague’s annotations, read-only: switch to Mine or All to tag.'}
      </p>
      <KeyboardCaret container={section} />
      <RelationArcs painter={painter} text={text} />
      <HoverCard hover={pointer.hover} />
      {tagging && <TagPalette palette={palette} anchorRect={anchorRect} />}
      <p className="visually-hidden" aria-live="polite">
        {palette.announcement}
      </p>
    </div>
  );
}

/** The date as the page states it, shown in the reader's locale when it parses. */
function formatDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toLocaleDateString(undefined, { dateStyle: 'long' });
}

/** Where a selection is: its anchor and focus, to tell whether it moved since. */
function selectionMark(selection: Selection | null) {
  return selection && selection.rangeCount > 0
    ? [selection.anchorNode, selection.anchorOffset, selection.focusNode, selection.focusOffset]
    : [];
}

function sameMark(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
