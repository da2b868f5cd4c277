import { stat } from 'node:fs/promises';
import type { DocumentList } from '../../shared/api';
import type {
  AnnotatorWork,
  DocumentStatus,
  DocumentSummary,
  FileProblem,
  SkippedFile,
} from '../../shared/model/document';
import { type DateSet, dateThatWins, documentDate } from '../../shared/model/document-date';
import { describeReadRefusal } from '../storage/disk-refusal';
import { readJsonFile } from '../storage/read-json-file';
import { type AnnotationFileRef, findAnnotationFiles, type ListedAnnotationFile } from './annotation-files';
import { AnnotationFileSchema } from './annotation-files-schema';
import type { CachedAnnotationFile, CachedDocument, DocumentCache } from './document-cache';
import type { DocumentReader } from './document-reader';
import { forEachLimited } from './for-each-limited';
import type { ProjectLayout } from './layout';
import type { OwnStores } from './own-stores';
import { matchRenames, missingKeys, moveDocumentData, type Rename } from './renames';
import { compareKeys, scanFolder } from './scan-folder';
import { throttled } from './throttled';

interface AnnotationSummary {
  count: number;
  status: DocumentStatus;
  date?: string;
  problem?: string;
  /** The file was gone when read (a rename, a sync since the walk): nobody's work to show. */
  gone?: true;
  /** The file's size and modification time as the listing found them (not for a file open in memory). */
  stamp?: { size: number; mtimeMs: number };
}

/** How many of the files a listing found new or changed it has extracted so far. */
export interface ExtractionProgress {
  done: number;
  total: number;
}

/**
 * The project's document list: every article of the folder with its title, the count of
 * annotations on it and who has worked on it (each annotator's status and count, from the same
 * summary of their file), described from the cache where the files did not change, and the
 * annotations of articles renamed or moved on disk carried over to their new keys.
 */
export class DocumentListing {
  constructor(
    private readonly layout: ProjectLayout,
    private readonly reader: DocumentReader,
    private readonly cache: DocumentCache,
    private readonly own: OwnStores,
    private readonly readOnly: boolean,
  ) {}

  /** Each document's annotation files, from the last walk of .gloss/annotations/ (none after a rename moved files). */
  #files: Map<string, ListedAnnotationFile[]> | undefined;

  /**
   * A document's annotation files as the last listing found them, with their sizes and times, so
   * that reading every document's files right after a listing needs no second walk, and what was
   * read of a file unchanged since can serve again; undefined when unknown.
   */
  filesOf(key: string): readonly ListedAnnotationFile[] | undefined {
    return this.#files ? (this.#files.get(key) ?? []) : undefined;
  }

  /**
   * `onProgress` hears how many of the files new or changed since the last listing have been
   * extracted, a few times a second and once at the end: a first listing of a folder of PDFs
   * takes a while (about 40 ms a page), a relisting from the cache only milliseconds.
   */
  async list(
    projectProblems: readonly FileProblem[],
    onProgress?: (progress: ExtractionProgress) => void,
  ): Promise<DocumentList> {
    const [scan, annotationFiles] = await Promise.all([
      scanFolder(this.layout.root),
      findAnnotationFiles(this.layout.annotationsDir),
    ]);
    const skipped: SkippedFile[] = [...scan.skipped];
    const problems: FileProblem[] = [...projectProblems];

    const counts = new Map<string, number>();
    const annotators = new Map<string, AnnotatorWork[]>();
    const ownStatus = new Map<string, DocumentStatus>();
    const datesSet = new Map<string, DateSet[]>();
    const stamps = new Map<string, AnnotationSummary['stamp']>();
    const annotationPaths = new Set<string>();
    const described: (CachedDocument | undefined)[] = new Array(scan.files.length);
    const isNew = (file: { key: string; size: number; mtimeMs: number }) =>
      !this.cache.document(file.key, file.size, file.mtimeMs) &&
      this.cache.refusal(file.key, file.size, file.mtimeMs) === undefined;
    const extraction = { done: 0, total: onProgress ? scan.files.filter(isNew).length : 0 };
    const report = extraction.total > 0 && onProgress ? throttled(onProgress) : undefined;
    report?.({ ...extraction }, true);
    // Annotation files and articles are independent: reading both at once overlaps one's parsing with the other's I/O.
    await Promise.all([
      forEachLimited(annotationFiles, 16, async (ref) => {
        const name = this.layout.display(ref.path);
        annotationPaths.add(name);
        const summary = await this.#summarise(ref.annotator, ref.path, name);
        stamps.set(ref.path, summary.stamp);
        if (summary.problem) problems.push({ file: name, message: summary.problem });
        counts.set(ref.key, (counts.get(ref.key) ?? 0) + summary.count);
        if (!summary.problem && !summary.gone) {
          const work = { name: ref.annotator, status: summary.status, annotationCount: summary.count };
          const list = annotators.get(ref.key);
          if (list) list.push(work);
          else annotators.set(ref.key, [work]);
        }
        if (ref.annotator === this.own.annotator) ownStatus.set(ref.key, summary.status);
        if (summary.date) {
          datesSet.set(ref.key, [...(datesSet.get(ref.key) ?? []), { day: summary.date, by: ref.annotator }]);
        }
      }),
      forEachLimited(
        scan.files.map((file, index) => ({ file, index })),
        16,
        async ({ file, index }) => {
          const counted = report !== undefined && isNew(file);
          try {
            described[index] = await this.reader.describe(file.key, file.path, file.size, file.mtimeMs);
          } catch (error) {
            skipped.push({ path: file.key, reason: describeReadRefusal(error) });
          }
          if (counted) {
            extraction.done++;
            report({ ...extraction }, extraction.done === extraction.total);
          }
        },
      ),
    ]);
    const renamed = await this.#followRenames(scan.files, described, annotationFiles, problems);
    this.#files = renamed.length > 0 ? undefined : new Map();
    for (const ref of renamed.length > 0 ? [] : annotationFiles) {
      const stamp = stamps.get(ref.path);
      const name = `${ref.key}/${ref.annotator}.json`;
      const file = { annotator: ref.annotator, path: ref.path, name, ...(stamp ? { stamp } : {}) };
      const list = this.#files!.get(ref.key);
      if (list) list.push(file);
      else this.#files!.set(ref.key, [file]);
    }
    for (const { from, to } of renamed) {
      counts.set(to, counts.get(from) ?? 0);
      const work = annotators.get(from);
      if (work) annotators.set(to, work);
      const status = ownStatus.get(from);
      if (status) ownStatus.set(to, status);
      const dates = datesSet.get(from);
      if (dates) datesSet.set(to, dates);
    }
    const documents: DocumentSummary[] = [];
    scan.files.forEach((file, index) => {
      const entry = described[index];
      if (!entry) return;
      documents.push({
        key: file.key,
        format: entry.format,
        title: entry.title,
        metadata: entry.metadata,
        fingerprint: entry.fingerprint,
        length: entry.length,
        status: ownStatus.get(file.key) ?? 'todo',
        annotationCount: counts.get(file.key) ?? 0,
        annotators: byName(annotators.get(file.key)),
        ...documentDate(
          dateThatWins(this.own.annotator, datesSet.get(file.key)),
          entry.metadata.publishedTime,
        ),
      });
    });
    this.cache.retain(new Set(scan.files.map((f) => f.key)), annotationPaths);
    await this.cache.save();
    problems.sort((a, b) => a.file.localeCompare(b.file));
    skipped.sort((a, b) => compareKeys(a.path, b.path));
    return { documents, skipped, problems, renamed };
  }

  /**
   * Moves the annotations of articles renamed or moved on disk to their new keys (renames.ts), and
   * names every annotated key still missing as a problem: its annotations are kept, not dropped.
   */
  async #followRenames(
    files: readonly { key: string }[],
    described: readonly (CachedDocument | undefined)[],
    annotationFiles: readonly AnnotationFileRef[],
    problems: FileProblem[],
  ): Promise<Rename[]> {
    const present = new Set(files.map((f) => f.key));
    const missing = await missingKeys(annotationFiles, present);
    if (missing.size === 0) return [];
    const articles = files.flatMap((file, index) => {
      const entry = described[index];
      return entry ? [{ key: file.key, fingerprint: entry.fingerprint }] : [];
    });
    const annotated = new Set(annotationFiles.map((ref) => ref.key));
    const renamed: Rename[] = [];
    if (!this.readOnly) {
      for (const rename of matchRenames(missing, articles, annotated)) {
        const moved = await moveDocumentData(this.layout, rename).catch(() => false);
        if (!moved) continue;
        renamed.push(rename);
        missing.delete(rename.from);
        this.own.forget(rename.from);
      }
    }
    for (const key of missing.keys()) {
      const count = annotationFiles.filter((ref) => ref.key === key).length;
      problems.push({
        file: this.layout.display(this.layout.annotationDir(key)),
        message: `The article "${key}" is no longer in the folder; its annotations (${count} file${count === 1 ? '' : 's'}) are kept here. Put the article back, or rename it back, to see them.`,
      });
    }
    return renamed;
  }

  /** Count and status of one annotation file: from memory if open, from the cache if unchanged, else read and validated. */
  async #summarise(annotator: string, path: string, name: string): Promise<AnnotationSummary> {
    const store = annotator === this.own.annotator ? await this.own.openAt(path) : undefined;
    if (store) {
      return store.problem
        ? { count: 0, status: 'todo', problem: store.problem.message }
        : { count: store.data.annotations.length, status: store.data.status, date: store.data.date };
    }
    // A file the cache has never seen is read straight away: its size and time come from the open handle.
    if (this.cache.annotationFiles.has(name)) {
      const info = await stat(path).catch(() => undefined);
      const cached = info && this.cache.annotationFile(name, info.size, info.mtimeMs);
      if (cached) return { ...cached, stamp: { size: info.size, mtimeMs: info.mtimeMs } };
    }
    const read = await readJsonFile(path, { displayName: name, schema: AnnotationFileSchema });
    // Gone since the folder was walked (a rename, a sync): nothing to count, nothing wrong.
    if (read.status === 'missing') return { count: 0, status: 'todo', gone: true };
    // Unreadable (no stamp) is not remembered: permissions may change without touching the file.
    if (read.status === 'invalid' && !read.stamp) {
      return { count: 0, status: 'todo', problem: read.problem.message };
    }
    const { size, mtimeMs } = read.stamp!;
    const entry: CachedAnnotationFile =
      read.status === 'valid'
        ? {
            size,
            mtimeMs,
            count: read.value.annotations.length,
            status: read.value.status,
            ...(read.value.date ? { date: read.value.date } : {}),
          }
        : { size, mtimeMs, count: 0, status: 'todo', problem: read.problem.message };
    this.cache.setAnnotationFile(name, entry);
    return { ...entry, stamp: { size, mtimeMs } };
  }
}

/** The annotators in order of name; files are summarised side by side, so they arrive in any order. */
function byName(work: AnnotatorWork[] | undefined): AnnotatorWork[] {
  if (!work) return [];
  if (work.length > 1) work.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return work;
}
