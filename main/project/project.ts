import { stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { DeletedCode, DocumentList, ParsedRequest, ProjectInfo } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import { isReservedAnnotatorName, RESERVED_NAME_MESSAGE } from '../../shared/model/curation';
import type { Document, DocumentStatus, DocumentSummary } from '../../shared/model/document';
import type { Relation } from '../../shared/model/relation';
import type { Stakeholder } from '../../shared/model/stakeholder';
import { JsonStore } from '../storage/json-store';
import { sweepLeftovers } from '../storage/leftovers';
import type { ReadStamp } from '../storage/read-json-file';
import { AnnotationCommands, type NewAnnotationRequest } from './annotation-commands';
import type { ListedAnnotationFile } from './annotation-files';
import type { AnnotationFile } from './annotation-files-schema';
import { annotatorName } from './annotator';
import { type Clock, systemClock } from './clock';
import { DocumentAssembly, type DocumentWork } from './document-assembly';
import { DocumentCache } from './document-cache';
import { DocumentListing, type ExtractionProgress } from './document-list';
import { DocumentReader, type LoadedText } from './document-reader';
import { ProjectLayout } from './layout';
import { readAnnotationFileAt } from './other-annotators';
import { type NOT_OPEN, OwnStores } from './own-stores';
import { migrateProjectFile, newProjectFile, type ProjectFile, ProjectFileSchema } from './project-file';
import { ProjectFileEdits, type SettingsChange } from './project-file-edits';
import type { RelationChanges } from './relations';

export type { DocumentWork } from './document-assembly';

export interface OpenOptions {
  annotator?: string;
  /** Read without writing anything into the folder, not even .gloss/ (for `gloss info`). */
  readOnly?: boolean;
  /** Where the time stamped on changes comes from (tests fix it). */
  clock?: Clock;
}

/**
 * An open project: a folder of articles plus Gloss's data in its .gloss/ folder. The articles
 * are only ever read; each change is saved before the call returns.
 *
 * A facade over the parts that do the work: the document list (document-list.ts), documents put
 * together with every annotator's work (document-assembly.ts), changes to annotations, orphans
 * and relations (annotation-commands.ts), edits of the codebook, register and settings with their
 * cascades (project-file-edits.ts), all saving through this annotator's open files (own-stores.ts).
 */
export class Project {
  readonly annotator: string;
  readonly #projectFile: ProjectFileEdits;
  readonly #own: OwnStores;
  readonly #assembly: DocumentAssembly;
  readonly #listing: DocumentListing;
  readonly #commands: AnnotationCommands;
  readonly #reader: DocumentReader;

  private constructor(
    /** Where every file of the project is: the articles, and Gloss's data under .gloss/. */
    readonly layout: ProjectLayout,
    projectStore: JsonStore<typeof ProjectFileSchema>,
    cache: DocumentCache,
    annotator: string,
    readonly readOnly: boolean,
    clock: Clock,
  ) {
    this.annotator = annotator;
    const reader = new DocumentReader(layout, cache);
    this.#reader = reader;
    this.#own = new OwnStores(layout, reader, annotator, readOnly);
    this.#projectFile = new ProjectFileEdits(projectStore, layout, this.#own, clock);
    this.#assembly = new DocumentAssembly(
      layout,
      reader,
      this.#own,
      () => projectStore.data.stakeholderRedirects,
    );
    this.#listing = new DocumentListing(layout, reader, cache, this.#own, readOnly);
    this.#commands = new AnnotationCommands(
      layout,
      reader,
      this.#own,
      this.#assembly,
      { codebook: () => projectStore.data.codebook, register: () => projectStore.data.stakeholders },
      clock,
    );
    this.#problem = () => projectStore.problem;
  }

  readonly #problem: () => { file?: string; message: string } | undefined;

  /** Opens a folder as a project, creating .gloss/project.json with the default codebook if it has none. */
  static async open(folder: string, options: OpenOptions = {}): Promise<Project> {
    const root = resolve(folder);
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(root);
    } catch {
      throw new ApiError('not-found', `The folder ${root} does not exist`);
    }
    if (!info.isDirectory()) throw new ApiError('bad-request', `${root} is a file, not a folder of articles`);
    const layout = new ProjectLayout(root);
    const readOnly = options.readOnly ?? false;
    const annotator = annotatorName(options.annotator);
    if (!readOnly && isReservedAnnotatorName(annotator))
      throw new ApiError('bad-request', RESERVED_NAME_MESSAGE);
    const projectStore = await JsonStore.open(
      {
        path: layout.projectFile,
        displayName: layout.display(layout.projectFile),
        schema: ProjectFileSchema,
        migrate: migrateProjectFile,
        readOnly,
      },
      newProjectFile(),
    );
    if (!projectStore.exists && !readOnly) {
      await projectStore.update(() => {});
      await writeFile(
        `${layout.glossDir}/.gitignore`,
        '# Derived data, rebuilt by Gloss when missing\ncache/\n',
      ).catch(() => {});
    }
    const cache = await DocumentCache.load(layout.cacheDir, readOnly);
    const project = new Project(
      layout,
      projectStore,
      cache,
      annotator,
      readOnly,
      options.clock ?? systemClock,
    );
    if (!readOnly) {
      project.leftoversSwept = sweepLeftovers([
        { path: layout.glossDir, recursive: false },
        { path: layout.annotationsDir, recursive: true },
        { path: layout.suggestionsDir, recursive: true },
        { path: layout.cacheDir, recursive: true },
      ]);
    }
    return project;
  }

  /**
   * Temp files and locks left in .gloss/ by killed saves, cleared in the background once the
   * project is open (opening does not wait for it); resolves to the paths removed.
   */
  leftoversSwept: Promise<string[]> = Promise.resolve([]);

  get root(): string {
    return this.layout.root;
  }

  info(): ProjectInfo {
    const data = this.#projectFile.data;
    const problem = this.#problem();
    return {
      root: this.root,
      name: basename(this.root),
      schemaVersion: data.schemaVersion,
      annotator: this.annotator,
      codebook: data.codebook,
      stakeholders: data.stakeholders,
      settings: data.settings,
      problems: problem ? [{ file: problem.file!, message: problem.message }] : [],
      readOnlyCodebook: problem !== undefined || this.readOnly,
      readOnly: this.readOnly,
    };
  }

  /** Refuses any change when the project is open read-only: the one check every change passes. */
  assertWritable(): void {
    this.#own.assertWritable();
  }

  // ——— documents ———

  /** The document list; `onProgress` hears how far the extraction of new or changed files has got. */
  listDocuments(onProgress?: (progress: ExtractionProgress) => void): Promise<DocumentList> {
    return this.#listing.list(this.info().problems, onProgress);
  }

  /** A document with every annotator's annotations and relations, each file read once. */
  /** A document's extracted text and its fingerprint, without its annotations (corpus search). */
  text(key: string): Promise<LoadedText> {
    return this.#reader.load(key);
  }

  openDocument(key: string): Promise<DocumentWork> {
    return this.#assembly.work(key);
  }

  /**
   * A document's annotation files as the last listing found them, with their sizes and times
   * (DocumentListing.filesOf); undefined when the listing could not tell (it moved files).
   */
  annotationFiles(key: string): readonly ListedAnnotationFile[] | undefined {
    return this.#listing.filesOf(key);
  }

  /** Any annotation file of the project, read and validated, with its size and time as read. */
  readAnnotationFile(path: string): Promise<{ file: AnnotationFile | undefined; stamp?: ReadStamp }> {
    return readAnnotationFileAt(path);
  }

  /**
   * Open files saved as this annotator's are (the same lock, catch-up with other processes and
   * re-attaching) but under another name: the curated layer's (main/curation/). Keep one per name.
   */
  storesUnderName(name: string): OwnStores {
    return new OwnStores(this.layout, this.#reader, name, this.readOnly);
  }

  /** This annotator's files held open in memory, by document key, or one document's (OwnStores.held). */
  heldOwnFiles(): Promise<Map<string, AnnotationFile | undefined>> {
    return this.#own.allHeld();
  }

  heldOwnFile(key: string): Promise<AnnotationFile | undefined | typeof NOT_OPEN> {
    return this.#own.held(key);
  }

  /** The register's merges (a merged stakeholder's id → the id it went into); a new object after each merge. */
  get stakeholderRedirects(): Readonly<Record<string, string>> {
    return this.#projectFile.data.stakeholderRedirects;
  }

  async getDocument(key: string): Promise<Document> {
    return (await this.#assembly.work(key)).document;
  }

  /** How many of this annotator's edits changed what the document list shows (OwnStores.listedFieldEdits). */
  get listedFieldEdits(): number {
    return this.#own.listedFieldEdits;
  }

  async setDocumentStatus(key: string, status: DocumentStatus): Promise<DocumentSummary> {
    await this.#own.edit(key, (file) => {
      file.status = status;
    });
    const { text: _text, note: _note, ...summary } = await this.getDocument(key);
    return summary;
  }

  /** Sets this annotator's date for the document (YYYY-MM-DD, checked at the API's boundary), or clears it with null. */
  async setDocumentDate(key: string, date: string | null): Promise<DocumentSummary> {
    await this.#own.edit(key, (file) => {
      if (date === null) delete file.date;
      else file.date = date;
    });
    const { text: _text, note: _note, orphans: _orphans, ...summary } = await this.getDocument(key);
    return summary;
  }

  async setDocumentNote(key: string, note: string): Promise<{ key: string; note: string }> {
    await this.#own.edit(key, (file) => {
      file.note = note;
    });
    return { key, note };
  }

  // ——— annotations, orphans, relations (annotation-commands.ts) ———

  /** Every annotator's annotations of the document, in text order. */
  async listAnnotations(key: string): Promise<Annotation[]> {
    return (await this.#assembly.work(key)).annotations;
  }

  async createAnnotation(request: ParsedRequest<'createAnnotation'>): Promise<Annotation> {
    const [annotation] = await this.#commands.create(request.key, [request]);
    return annotation!;
  }

  createAnnotations(key: string, requests: readonly NewAnnotationRequest[]) {
    return this.#commands.create(key, requests);
  }

  addImported(key: string, author: string, annotations: Annotation[], relations: Relation[]): Promise<void> {
    return this.#commands.addImported(key, author, annotations, relations);
  }

  updateAnnotation(key: string, id: string, changes: ParsedRequest<'updateAnnotation'>['changes']) {
    return this.#commands.update(key, id, changes);
  }

  deleteAnnotation(key: string, id: string): Promise<{ id: string; relations: Relation[] }> {
    return this.#commands.delete(key, id);
  }

  reattachOrphan(key: string, id: string, start: number, end: number): Promise<Annotation> {
    return this.#commands.reattachOrphan(key, id, start, end);
  }

  deleteOrphan(key: string, id: string): Promise<{ id: string; relations: Relation[] }> {
    return this.#commands.deleteOrphan(key, id);
  }

  restoreOrphan(key: string, orphan: Annotation, relations: readonly Relation[]): Promise<{ id: string }> {
    return this.#commands.restoreOrphan(key, orphan, relations);
  }

  /** Every annotator's relations in the document. */
  async listRelations(key: string): Promise<Relation[]> {
    return (await this.#assembly.work(key)).relations;
  }

  createRelation(request: ParsedRequest<'createRelation'>): Promise<Relation> {
    return this.#commands.createRelation(request);
  }

  updateRelation(key: string, id: string, changes: RelationChanges): Promise<Relation> {
    return this.#commands.updateRelation(key, id, changes);
  }

  deleteRelation(key: string, id: string): Promise<{ id: string }> {
    return this.#commands.deleteRelation(key, id);
  }

  // ——— codebook, register and settings (project-file-edits.ts) ———

  get codebook() {
    return this.#projectFile.codebook;
  }

  get relationTypes() {
    return this.#projectFile.relationTypes;
  }

  get stakeholders() {
    return this.#projectFile.stakeholders;
  }

  deleteCode(id: string, annotations: ParsedRequest<'deleteCode'>['annotations']): Promise<DeletedCode> {
    return this.#projectFile.deleteCode(id, annotations);
  }

  deleteStakeholder(id: string): Promise<{ id: string }> {
    return this.#projectFile.deleteStakeholder(id);
  }

  mergeStakeholders(
    fromId: string,
    intoId: string,
  ): Promise<{ stakeholders: Stakeholder[]; repointed: number }> {
    return this.#projectFile.mergeStakeholders(fromId, intoId);
  }

  countMentions(): Promise<Record<string, number>> {
    return this.#projectFile.countMentions();
  }

  stakeholderAfterMerges(id: string): { id: string; ids: string[] } {
    return this.#projectFile.stakeholderAfterMerges(id);
  }

  updateSettings(changes: SettingsChange): Promise<ProjectFile['settings']> {
    return this.#projectFile.updateSettings(changes);
  }

  /**
   * An annotation file of a document changed on disk: whether the change is news, i.e. not this
   * Gloss's own save. This annotator's open file is read again when another Gloss of theirs saved
   * it; other annotators' files are read fresh anyway.
   */
  async annotationFileChanged(key: string, annotator: string): Promise<boolean> {
    return annotator === this.annotator ? this.#own.changedOnDisk(key) : true;
  }
}
