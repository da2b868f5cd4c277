/**
 * The IRIs Gloss gives its things in a Web Annotation file. They use a private `gloss:` scheme:
 * the file's "@context" is the W3C one alone, and a JSON-LD processor keeps a property or id
 * with a scheme as an absolute IRI, where it would drop a bare term it does not know.
 */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const DOCUMENT = 'gloss:document/';

/** A document's key, each path segment percent-encoded so that spaces and "#" stay inside the IRI. */
export function documentIri(key: string): string {
  return DOCUMENT + key.split('/').map(encodeURIComponent).join('/');
}

export const annotationIri = (id: string) => `gloss:annotation/${id}`;
export const relationIri = (id: string) => `gloss:relation/${id}`;
export const codeIri = (id: string) => `gloss:code/${id}`;
export const stakeholderIri = (id: string) => `gloss:stakeholder/${id}`;
export const relationTypeIri = (id: string) => `gloss:relation-type/${id}`;

/**
 * Where an imported document's text is saved: its Gloss key for a `gloss:document/` IRI, else the
 * last segment of whatever IRI another tool gave it; always ending in ".txt", as imported text is plain.
 */
export function documentPath(iri: string): string {
  let path: string;
  if (iri.startsWith(DOCUMENT)) {
    path = iri.slice(DOCUMENT.length).split('/').map(decodeSegment).join('/');
  } else {
    path = decodeSegment(
      iri
        .replace(/[?#].*$/, '')
        .replace(/\/+$/, '')
        .split(/[/:]/)
        .pop() ?? '',
    );
  }
  path = path
    .split('/')
    .map((part) => part.replace(/[\\:*?"<>|\0]/g, '_'))
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .join('/');
  if (path === '') path = 'document';
  return /\.txt$/i.test(path) ? path : `${path.replace(/\.(md|html?|json|xml)$/i, '')}.txt`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
