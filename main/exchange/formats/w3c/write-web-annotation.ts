import type { Annotation } from '../../../../shared/model/annotation';
import type { Codebook } from '../../../../shared/model/codebook';
import { utf16ToCodePoints } from '../../../../shared/text/offsets';
import type { Dataset, DatasetDocument, ExportFormat } from '../../dataset';
import {
  ANNO_CONTEXT,
  annotationIri,
  codeIri,
  documentIri,
  relationIri,
  relationTypeIri,
  stakeholderIri,
} from './iris';
import { textQuote } from './quote-selector';

/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/), as one JSON-LD file:
 *
 * - An AnnotationCollection whose one embedded AnnotationPage (`first`) holds every annotation,
 *   as the model's "Annotation Collection with Embedded Page" example does. Each annotation
 *   repeats the "@context", so it can be taken out alone (e.g. posted to an annotation server).
 * - A tag is an Annotation with motivation "tagging". Its bodies are TextualBodies told apart by
 *   purpose: "tagging" (value: the code's name), "identifying" (the stakeholder's canonical name),
 *   "describing" (a figure value as JSON, format application/json) and "commenting" (the note).
 *   A body names the code, stakeholder or relation type it stands for in a `gloss:code`,
 *   `gloss:stakeholder` or `gloss:relationType` property, never as its `id`: the model reads a
 *   body with an IRI `id` and no `source` as an External Web Resource, which must not carry a
 *   `purpose` (assertion 3.3.5-bodyEWRNoPurpose of the W3C test suite, which
 *   test/main/exchange/w3c-conformance.test.ts runs on every exported annotation).
 * - Its target is the document (source gloss:document/<key>) with two selectors for the same
 *   passage: a TextQuoteSelector and a TextPositionSelector counting Unicode code points, as
 *   the model requires (Gloss itself counts UTF-16 units; an emoji is one code point, two units).
 * - A relation is an Annotation with motivation "linking": a "classifying" body naming its type
 *   and two targets, the annotations it links, in the order from → to. (Plain JSON keeps that
 *   order; an RDF store reading "target" as a set would not.)
 * - What the model has no place for travels in `gloss:` properties of the collection:
 *   `gloss:documents` (each document's id, label = title, and its text as `value`, so an import
 *   can rebuild the documents), `gloss:codes` (the codebook, each code with its group by name)
 *   and `gloss:stakeholders` (the register).
 */
export const webAnnotationExport: ExportFormat = {
  id: 'w3c',
  description: 'W3C Web Annotation JSON-LD (one AnnotationCollection; offsets in code points)',
  offsets: 'code points',
  singleFile: true,
  write(dataset) {
    const items = dataset.documents.flatMap((document) => documentItems(dataset, document));
    const collectionId = `gloss:collection/${encodeURIComponent(dataset.project.name)}`;
    const collection = {
      '@context': ANNO_CONTEXT,
      id: collectionId,
      type: 'AnnotationCollection',
      label: dataset.project.name,
      generated: dataset.exportedAt,
      generator: { type: 'Software', name: 'Gloss' },
      total: items.length,
      first: { id: `${collectionId}/page/1`, type: 'AnnotationPage', startIndex: 0, items },
      'gloss:documents': dataset.documents.map((document) => ({
        id: documentIri(document.key),
        type: 'Text',
        format: 'text/plain',
        label: document.title,
        ...(document.metadata.lang ? { language: document.metadata.lang } : {}),
        value: document.text,
      })),
      'gloss:codes': codebookEntries(dataset.codebook),
      'gloss:stakeholders': dataset.stakeholders.map((s) => ({ ...s, id: stakeholderIri(s.id) })),
    };
    return [{ path: 'annotations.jsonld', content: `${JSON.stringify(collection, null, 2)}\n` }];
  },
};

function documentItems(dataset: Dataset, document: DatasetDocument): object[] {
  const { text } = document;
  const offsets = utf16ToCodePoints(
    text,
    document.annotations.flatMap((a) => [a.target.start, a.target.end]),
  );
  const codes = new Map(dataset.codebook.codes.map((c) => [c.id, c]));
  const stakeholders = new Map(dataset.stakeholders.map((s) => [s.id, s]));
  const tags = document.annotations.map((annotation, i) => {
    const code = codes.get(annotation.code);
    const stakeholder = annotation.stakeholderId ? stakeholders.get(annotation.stakeholderId) : undefined;
    const body: object[] = [
      {
        type: 'TextualBody',
        purpose: 'tagging',
        value: code?.name ?? annotation.code,
        'gloss:code': codeIri(annotation.code),
      },
    ];
    if (annotation.stakeholderId) {
      body.push({
        type: 'TextualBody',
        purpose: 'identifying',
        value: stakeholder?.name ?? annotation.stakeholderId,
        'gloss:stakeholder': stakeholderIri(annotation.stakeholderId),
      });
    }
    if (annotation.value) {
      const value = JSON.stringify(annotation.value);
      body.push({ type: 'TextualBody', purpose: 'describing', format: 'application/json', value });
    }
    if (annotation.note) body.push(noteBody(annotation.note));
    const { start, end } = annotation.target;
    return {
      ...annotationHead(annotationIri(annotation.id), annotation, 'tagging'),
      body,
      target: {
        source: documentIri(document.key),
        selector: [
          { type: 'TextQuoteSelector', ...textQuote(text, start, end) },
          { type: 'TextPositionSelector', start: offsets[2 * i], end: offsets[2 * i + 1] },
        ],
      },
    };
  });
  const typeNames = new Map(dataset.codebook.relationTypes.map((t) => [t.id, t.name]));
  const links = document.relations.map((relation) => ({
    ...annotationHead(relationIri(relation.id), relation, 'linking'),
    body: [
      {
        type: 'TextualBody',
        purpose: 'classifying',
        value: typeNames.get(relation.type) ?? relation.type,
        'gloss:relationType': relationTypeIri(relation.type),
      },
      ...(relation.note ? [noteBody(relation.note)] : []),
    ],
    target: [annotationIri(relation.from), annotationIri(relation.to)],
  }));
  return [...tags, ...links];
}

function annotationHead(
  id: string,
  made: Pick<Annotation, 'author' | 'created' | 'modified'>,
  motivation: 'tagging' | 'linking',
) {
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'Annotation',
    motivation,
    creator: { type: 'Person', name: made.author },
    created: made.created,
    modified: made.modified,
  };
}

function noteBody(note: string) {
  return { type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: note };
}

/** The codebook, each code naming its parent by name (an import merges codes by name). */
function codebookEntries(book: Codebook): object[] {
  const names = new Map(book.codes.map((c) => [c.id, c.name]));
  return book.codes.map((code) => ({
    id: codeIri(code.id),
    name: code.name,
    ...(code.parentId ? { group: names.get(code.parentId) } : {}),
    color: code.color,
    description: code.description,
    ...(code.role ? { role: code.role } : {}),
    codable: code.codable,
  }));
}
