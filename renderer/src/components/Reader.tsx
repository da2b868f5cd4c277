import { useMemo, useRef } from 'react';
import type { Annotation } from '../../../shared/model/annotation';
import type { DocumentMetadata } from '../../../shared/model/document';
import { splitParagraphs } from '../reader/paragraphs';
import { useHighlights } from '../reader/use-highlights';
import { useStore } from '../store/context';
import { ErrorNotice } from './ErrorNotice';

/** The open document: its title, where it comes from, and its text with the annotations highlighted. */
export function Reader() {
  const key = useStore((s) => s.reader.key);
  const document = useStore((s) => s.reader.document);
  const annotations = useStore((s) => s.reader.annotations);
  const error = useStore((s) => s.reader.error);

  if (key === null) return <p className="empty-state">Choose a document to read it.</p>;
  if (error) return <ErrorNotice error={error} />;
  if (!document) return <p className="empty-state">Opening {key}…</p>;

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-header">
        <h1 id="reader-title">{document.title}</h1>
        <Provenance metadata={document.metadata} />
      </header>
      <ArticleText text={document.text} annotations={annotations} />
    </article>
  );
}

function Provenance({ metadata }: { metadata: DocumentMetadata }) {
  const { byline, siteName, publishedTime } = metadata;
  if (!byline && !siteName && !publishedTime) return null;
  return (
    <p className="provenance">
      {byline && <span className="byline">{byline}</span>}
      {siteName && <span className="site">{siteName}</span>}
      {publishedTime && (
        <time className="date" dateTime={publishedTime}>
          {formatDate(publishedTime)}
        </time>
      )}
    </p>
  );
}

/**
 * The text, always as React text nodes (never parsed as HTML): one <p> per paragraph holding a
 * single text node, with `data-start` giving its UTF-16 offset so highlights can find positions.
 */
function ArticleText({ text, annotations }: { text: string; annotations: readonly Annotation[] }) {
  const container = useRef<HTMLElement>(null);
  const codes = useStore((s) => s.project?.codebook.codes);
  const paragraphs = useMemo(() => splitParagraphs(text), [text]);
  useHighlights(container, text, annotations, codes);

  return (
    // A named <section> is a region landmark ("Article text"), so no explicit role is needed.
    <section ref={container} className="article-text" aria-label="Article text">
      {paragraphs.map((paragraph) => (
        <p key={paragraph.start} data-start={paragraph.start}>
          {paragraph.text}
        </p>
      ))}
    </section>
  );
}

/** The date as the page states it, shown in the reader's locale when it parses. */
function formatDate(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toLocaleDateString(undefined, { dateStyle: 'long' });
}
