import type { AnalysedAnnotation, AnalysedRelation } from '../../shared/analysis/analysed-annotation';
import type { TextUnits } from '../../shared/analysis/near';
import type { Codebook } from '../../shared/model/codebook';
import type { DocumentStatus, DocumentSummary } from '../../shared/model/document';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { ListedAnnotationFile } from '../project/annotation-files';
import type { AnnotationFile } from '../project/annotation-files-schema';
import { combineAnnotations } from '../project/combine-annotations';
import type { DocumentWork } from '../project/document-assembly';
import { forEachLimited } from '../project/for-each-limited';
import { NOT_OPEN } from '../project/own-stores';
import { needsReattaching } from '../project/reattach-file';
import type { ReadStamp } from '../storage/read-json-file';
import { DigestsCache } from './digests-cache';
import { digestFile, type FileDigest } from './file-digest';
import { TextUnitsCache } from './text-units-cache';

/** One document as the analyses see it: its summary, and every annotator's annotations and relations placed in its text. */
export interface AnalysedDocument {
  summary: DocumentSummary;
  annotations: AnalysedAnnotation[];
  relations: AnalysedRelation[];
  /** Each annotator's status of the document, for every annotator with a valid file for it. */
  statuses: Readonly<Record<string, DocumentStatus>>;
}

/** What the analyses need of a project (Project has it all). */
export interface AnalysisProject {
  readonly annotator: string;
  /** Counts this annotator's changes of what the document list shows (Project.listedFieldEdits). */
  readonly listedFieldEdits: number;
  listDocuments(): Promise<{ documents: DocumentSummary[] }>;
  openDocument(key: string): Promise<DocumentWork>;
  annotationFiles(key: string): readonly ListedAnnotationFile[] | undefined;
  readAnnotationFile(path: string): Promise<{ file: AnnotationFile | undefined; stamp?: ReadStamp }>;
  heldOwnFiles(): Promise<Map<string, AnnotationFile | undefined>>;
  heldOwnFile(key: string): Promise<AnnotationFile | undefined | typeof NOT_OPEN>;
  readonly stakeholderRedirects: Readonly<Record<string, string>>;
  text(key: string): Promise<{ text: string; fingerprint: string }>;
  info(): { codebook: Codebook; stakeholders: Stakeholder[] };
}

interface Entry extends AnalysedDocument {
  /** This annotator's file as it was open in memory when the entry was made, or NOT_OPEN. */
  own: AnnotationFile | undefined | typeof NOT_OPEN;
}

/** Documents whose files are read at once: their reads overlap, and a cold project is read in about the time of a raw read. */
const READS_IN_FLIGHT = 16;

/**
 * Every document of a project with every annotator's annotations, as the analyses read them:
 * from the annotation files' digests alone where they were made against the article's current
 * text (the text is read, and the files re-attached to it, only where they were not), and each
 * article's sentences and paragraphs from a cache by text fingerprint (text-units-cache.ts).
 * Digests of files unchanged since the last session come from one cache file (digests-cache.ts),
 * checked against the sizes and times the document list just found.
 *
 * `told`: the folder watcher calls `changed` for every article and annotation file it sees
 * change, so the documents are kept in memory between calls and only those named are read
 * again, with this annotator's edits told by their open files; a call of a project already read
 * costs no file access. Without a watcher, every call reads every annotation file again, since
 * another annotator may have saved meanwhile.
 */
export class AnalysisCorpus {
  readonly #units: TextUnitsCache;
  readonly #digests: DigestsCache;
  #entries = new Map<string, Entry>();
  #summaries: DocumentSummary[] | undefined;
  /** The project's listedFieldEdits when the list was begun. */
  #summariesEdits = -1;
  /** The register's merges the entries were resolved with (none before the first call). */
  #redirects: string | undefined;
  readonly #stale = new Set<string>();
  readonly #derived = new WeakMap<AnalysedDocument, Map<string, unknown>>();
  /** The watcher could not tell which documents changed: every one is read again. */
  #everything = false;
  /** Calls one after another, so two never read the same files at once. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly project: AnalysisProject,
    private readonly options: {
      told?: boolean;
      unitsFile?: string;
      digestsFile?: string;
      readOnly?: boolean;
    } = {},
  ) {
    this.#units = new TextUnitsCache(project, { file: options.unitsFile, readOnly: options.readOnly });
    this.#digests = new DigestsCache({ file: options.digestsFile, readOnly: options.readOnly });
  }

  info(): { codebook: Codebook; stakeholders: Stakeholder[] } {
    return this.project.info();
  }

  /** How many times the watcher has told of changes, to know whether a list was made since. */
  news = 0;

  /**
   * A list of the documents made elsewhere (the screens' own listing), taken as the analyses'
   * list if the watcher told of no change since it was started (`news` was `since`).
   */
  listed(summaries: DocumentSummary[], since: number, edits: number): void {
    if (this.options.told && since === this.news && !this.#everything) {
      this.#summaries = summaries;
      this.#summariesEdits = edits;
    }
  }

  /** The folder watcher's news: these documents changed, or (none named) any may have. */
  changed(keys: readonly string[]): void {
    this.news += 1;
    if (keys.length === 0) this.#everything = true;
    for (const key of keys) this.#stale.add(key);
  }

  /** Every document of the project, in the list's order. */
  documents(): Promise<AnalysedDocument[]> {
    const next = this.#queue.then(() => this.#bringUpToDate());
    this.#queue = next.catch(() => {});
    return next;
  }

  /**
   * A result of one document, made once and kept with it until it changes (its entry is then
   * replaced), so an analysis asked again with the same settings only adds up. `key` names the
   * analysis and everything its result depends on besides the document (rule, annotator, roles).
   */
  derived<T>(document: AnalysedDocument, key: string, make: () => T): T {
    let results = this.#derived.get(document);
    if (!results) {
      results = new Map();
      this.#derived.set(document, results);
    }
    if (!results.has(key)) results.set(key, make());
    return results.get(key) as T;
  }

  /**
   * The result kept in `slot` of a document if it was made for `key`. A slot keeps only its
   * latest result, for analyses asked with settings that vary without end (coding queries).
   */
  recall<T>(document: AnalysedDocument, slot: string, key: string): T | undefined {
    const kept = this.#derived.get(document)?.get(slot) as { key: string; value: T } | undefined;
    return kept?.key === key ? kept.value : undefined;
  }

  remember<T>(document: AnalysedDocument, slot: string, key: string, value: T): void {
    let results = this.#derived.get(document);
    if (!results) {
      results = new Map();
      this.#derived.set(document, results);
    }
    results.set(slot, { key, value });
  }

  /** Whether `derived` has the result already. */
  hasDerived(document: AnalysedDocument, key: string): boolean {
    return this.#derived.get(document)?.has(key) ?? false;
  }

  /** The sentences and paragraphs of each document given, by its fingerprint. */
  units(documents: readonly AnalysedDocument[]): Promise<Map<string, TextUnits>> {
    const keep = new Set(this.#summaries?.map((s) => s.fingerprint));
    return this.#units.of(
      documents.map((d) => d.summary),
      keep,
    );
  }

  /** An article's text, for quoting around a passage. */
  async text(document: AnalysedDocument): Promise<string> {
    return (await this.project.text(document.summary.key)).text;
  }

  /** Writes what is waiting to be written (the cache files); resolves when nothing is. */
  async close(): Promise<void> {
    await Promise.all([this.#units.close(), this.#digests.close()]);
  }

  async #bringUpToDate(): Promise<AnalysedDocument[]> {
    const told = this.options.told ?? false;
    const redirects = JSON.stringify(this.project.stakeholderRedirects);
    // A merge since the last call changes whose mentions the others' annotations are.
    const merged = this.#redirects !== undefined && redirects !== this.#redirects;
    if (!told || this.#everything || merged) {
      this.#entries.clear();
      this.#summaries = undefined;
    }
    this.#everything = false;
    this.#redirects = redirects;
    const stale = new Set(this.#stale);
    this.#stale.clear();
    const held = await this.project.heldOwnFiles();
    // This annotator set a status, date or note since the list was begun: the list shows them.
    const edited = this.#summariesEdits !== this.project.listedFieldEdits;
    if (!this.#summaries || stale.size > 0 || edited) {
      const edits = this.project.listedFieldEdits;
      this.#summaries = (await this.project.listDocuments()).documents;
      this.#summariesEdits = edits;
    }
    const summaries = this.#summaries;
    await this.#digests.ready();
    const wanted = summaries.filter((summary) => {
      const entry = this.#entries.get(summary.key);
      if (!entry || stale.has(summary.key) || entry.summary.fingerprint !== summary.fingerprint) return true;
      // Opened, edited or reloaded since: this annotator's file is another object.
      return held.has(summary.key) && held.get(summary.key) !== entry.own;
    });
    // Documents whose files are all kept as they are on disk are put together at once; the others are read.
    const unread = wanted.filter((summary) => {
      const own = held.has(summary.key) ? held.get(summary.key) : NOT_OPEN;
      const entry = this.#fromKept(summary, own);
      if (entry) this.#entries.set(summary.key, entry);
      return !entry;
    });
    let failed: unknown;
    await forEachLimited(unread, READS_IN_FLIGHT, async (summary) => {
      // A document that cannot be read now is read again next time, and the call fails as it would have.
      this.#entries.delete(summary.key);
      try {
        this.#entries.set(summary.key, await this.#read(summary));
      } catch (error) {
        failed ??= error;
      }
    });
    if (failed) throw failed;
    // Every document was read: the digests of files no longer listed are forgotten.
    if (wanted.length === summaries.length) this.#forgetGoneFiles(summaries);
    const present = new Set(summaries.map((s) => s.key));
    for (const key of this.#entries.keys()) if (!present.has(key)) this.#entries.delete(key);
    const documents = summaries.flatMap((summary) => {
      const entry = this.#entries.get(summary.key);
      return entry ? [entry] : [];
    });
    if (!told) this.#entries.clear();
    return documents;
  }

  /** A document from the digests kept of its files, if every one is kept as the listing found it. */
  #fromKept(summary: DocumentSummary, held: Entry['own']): Entry | undefined {
    const files = this.#filesToDigest(summary.key, held);
    if (!files) return undefined;
    const digests: FileDigest[] = [];
    for (const listed of files) {
      const digest = listed.stamp && this.#digests.get(listed.name, listed.stamp);
      if (!digest) return undefined;
      digests.push(digest);
    }
    const { own, others } = this.#sides(held, files, digests);
    return this.#entry(summary, held, own, others);
  }

  /** One document from its files' digests, read where not kept, or (to be re-attached to a changed text) as the reader assembles it. */
  async #read(summary: DocumentSummary): Promise<Entry> {
    const held = await this.project.heldOwnFile(summary.key);
    const files = this.#filesToDigest(summary.key, held);
    let statuses: Record<string, DocumentStatus> | undefined;
    if (files) {
      const digests: (FileDigest | undefined)[] = [];
      for (const listed of files) digests.push(await this.#digest(listed));
      const { own, others } = this.#sides(held, files, digests);
      const entry = this.#entry(summary, held, own, others);
      if (entry) return entry;
      statuses = statusesOf(own, others);
    }
    const work = await this.project.openDocument(summary.key);
    const ownFile = await this.project.heldOwnFile(summary.key);
    return {
      summary: { ...summary, status: work.document.status },
      annotations: work.annotations,
      relations: work.relations,
      statuses: statuses ?? { [this.project.annotator]: work.document.status },
      own: ownFile,
    };
  }

  /**
   * A document's files to take digests of, in the order the reader takes them (by file name):
   * those the listing found, less this annotator's when it is open in memory, which stands for
   * it. Undefined when the listing could not tell (it moved files).
   */
  #filesToDigest(key: string, held: Entry['own']): ListedAnnotationFile[] | undefined {
    const files = this.project.annotationFiles(key);
    if (!files) return undefined;
    const wanted: ListedAnnotationFile[] = [];
    for (const listed of files)
      if (held === NOT_OPEN || listed.annotator !== this.project.annotator) wanted.push(listed);
    return wanted.length < 2
      ? wanted
      : wanted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** This annotator's digest (from memory when open) and the others', from the files' digests (undefined: invalid). */
  #sides(
    held: Entry['own'],
    files: readonly ListedAnnotationFile[],
    digests: readonly (FileDigest | undefined)[],
  ): { own: FileDigest | undefined; others: FileDigest[] } {
    let own = held !== NOT_OPEN && held ? digestFile(held) : undefined;
    const others: FileDigest[] = [];
    for (let i = 0; i < files.length; i++) {
      const digest = digests[i];
      if (!digest) continue;
      if (files[i]!.annotator === this.project.annotator) own = digest;
      else others.push(digest);
    }
    return { own, others };
  }

  /** A document from its files' digests; undefined if one was made against another text (to be re-attached). */
  #entry(
    summary: DocumentSummary,
    held: Entry['own'],
    own: FileDigest | undefined,
    others: readonly FileDigest[],
  ): Entry | undefined {
    if (own && needsReattaching(own, summary.fingerprint)) return undefined;
    for (const other of others) if (needsReattaching(other, summary.fingerprint)) return undefined;
    const { annotations, relations } = combineAnnotations(own, others, this.project.stakeholderRedirects);
    return {
      summary: { ...summary, status: own?.status ?? 'todo' },
      annotations,
      relations,
      statuses: statusesOf(own, others),
      own: held,
    };
  }

  /** A file's digest: kept, if the file has the size and time the listing found, else read (undefined if invalid). */
  async #digest(listed: ListedAnnotationFile): Promise<FileDigest | undefined> {
    const name = listed.name;
    const kept = listed.stamp && this.#digests.get(name, listed.stamp);
    if (kept) return kept;
    const { file, stamp } = await this.project.readAnnotationFile(listed.path);
    if (!file) return undefined;
    const digest = digestFile(file);
    if (stamp) this.#digests.put(name, stamp, digest);
    return digest;
  }

  /** Forgets the digests of files no longer listed, when the listing knows every document's files. */
  #forgetGoneFiles(summaries: readonly DocumentSummary[]): void {
    const names = new Set<string>();
    for (const { key } of summaries) {
      const files = this.project.annotationFiles(key);
      if (!files) return;
      for (const listed of files) names.add(listed.name);
    }
    this.#digests.retain(names);
  }
}

function statusesOf(
  own: FileDigest | undefined,
  others: readonly FileDigest[],
): Record<string, DocumentStatus> {
  const statuses: Record<string, DocumentStatus> = {};
  if (own) statuses[own.annotator] = own.status;
  for (const other of others) statuses[other.annotator] = other.status;
  return statuses;
}
