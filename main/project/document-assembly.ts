import type { Annotation } from '../../shared/model/annotation';
import type { Document } from '../../shared/model/document';
import { dateThatWins, documentDate } from '../../shared/model/document-date';
import type { Relation } from '../../shared/model/relation';
import type { AnnotationFile } from './annotation-files-schema';
import { combineAnnotations } from './combine-annotations';
import type { DocumentReader, LoadedText } from './document-reader';
import type { ProjectLayout } from './layout';
import { otherAnnotatorVersions, readOtherAnnotatorFiles } from './other-annotators';
import type { OwnStores } from './own-stores';
import { needsReattaching, reattachFile } from './reattach-file';

/** A document with every annotator's work on it: what the reader shows, an export writes, suggestions start from. */
export interface DocumentWork {
  document: Document;
  /** Every annotator's annotations, in text order. */
  annotations: Annotation[];
  /** Every annotator's relations between annotations that are placed in the text. */
  relations: Relation[];
  /** Every annotator's orphans, for exports to count what they leave out. */
  orphans: Annotation[];
}

/** Documents assembled lately, kept while nothing they were made from changed. */
const REMEMBERED = 4;

interface Remembered {
  loaded: LoadedText;
  own: AnnotationFile | undefined;
  redirects: Readonly<Record<string, string>>;
  others: string;
  work: DocumentWork;
}

/**
 * Puts a document together from one read of each file: the article's text (through the reader's
 * cache), this annotator's file (open in memory) and every other annotator's file. Opening a
 * document and then asking for its suggestions, or an export after a look, reuse the last
 * assembly as long as the text, this annotator's file, the register's merges and the other
 * files' versions (size, time, inode) are the same.
 */
export class DocumentAssembly {
  readonly #remembered = new Map<string, Remembered>();

  constructor(
    private readonly layout: ProjectLayout,
    private readonly reader: DocumentReader,
    private readonly own: OwnStores,
    /** The register's merges: a merged stakeholder's id → the id it was merged into. */
    private readonly redirects: () => Readonly<Record<string, string>>,
  ) {}

  async work(key: string): Promise<DocumentWork> {
    const loaded = await this.reader.load(key);
    const own = await this.own.upToDate(key, loaded);
    const dir = this.layout.annotationDir(key);
    const redirects = this.redirects();
    const before = this.#remembered.get(key);
    if (before && before.own === own && before.redirects === redirects && sameText(before.loaded, loaded)) {
      const versions = await otherAnnotatorVersions(dir, this.own.annotator);
      if (versions && versions.join('\n') === before.others) return before.work;
    }
    const read = await readOtherAnnotatorFiles(dir, this.own.annotator);
    const others = read.flatMap(({ file }) => (file ? [file] : []));
    // Files made against an earlier text are re-attached to this one in memory: they are the other annotators' to save.
    for (const file of others) {
      if (needsReattaching(file, loaded.fingerprint)) reattachFile(file, loaded.text, loaded.fingerprint);
    }
    const work = assemble(key, loaded, own, others, redirects);
    this.#remembered.delete(key);
    this.#remembered.set(key, {
      loaded,
      own,
      redirects,
      others: read.map(({ name, version }) => `${name}:${version}`).join('\n'),
      work,
    });
    if (this.#remembered.size > REMEMBERED) this.#remembered.delete(this.#remembered.keys().next().value!);
    return work;
  }

  /** Other annotators' files of a document as they are now (for "is this annotation someone else's?"). */
  async others(key: string): Promise<AnnotationFile[]> {
    const read = await readOtherAnnotatorFiles(this.layout.annotationDir(key), this.own.annotator);
    return read.flatMap(({ file }) => (file ? [file] : []));
  }
}

function sameText(a: LoadedText, b: LoadedText): boolean {
  return (
    a === b ||
    (a.fingerprint === b.fingerprint &&
      a.format === b.format &&
      JSON.stringify(a.metadata) === JSON.stringify(b.metadata))
  );
}

function assemble(
  key: string,
  loaded: LoadedText,
  own: AnnotationFile | undefined,
  others: readonly AnnotationFile[],
  redirects: Readonly<Record<string, string>>,
): DocumentWork {
  const { annotations, relations, orphans } = combine(own, others, redirects);
  return {
    document: {
      key,
      format: loaded.format,
      title: loaded.metadata.title,
      metadata: loaded.metadata,
      fingerprint: loaded.fingerprint,
      length: loaded.text.length,
      text: loaded.text,
      status: own?.status ?? 'todo',
      note: own?.note ?? '',
      annotationCount: annotations.length,
      orphans: own?.orphans ?? [],
      ...documentDate(
        dateThatWins(
          own?.annotator ?? '',
          [own, ...others].flatMap((file) => (file?.date ? [{ day: file.date, by: file.annotator }] : [])),
        ),
        loaded.metadata.publishedTime,
      ),
    },
    annotations,
    relations,
    orphans,
  };
}

/** Every annotator's files of one document as one list of annotations in text order, with their relations and orphans. */
function combine(
  own: AnnotationFile | undefined,
  others: readonly AnnotationFile[],
  redirects: Readonly<Record<string, string>>,
): Omit<DocumentWork, 'document'> {
  return {
    ...combineAnnotations(own, others, redirects),
    orphans: (own ? [own, ...others] : others).flatMap((file) => file.orphans),
  };
}
