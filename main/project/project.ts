import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import type { DeletedCode, DocumentList, ParsedRequest, ProjectInfo } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import { type Codebook, roleOf } from '../../shared/model/codebook';
import type {
  Document,
  DocumentStatus,
  DocumentSummary,
  FileProblem,
  SkippedFile,
} from '../../shared/model/document';
import type { Relation } from '../../shared/model/relation';
import type { Stakeholder } from '../../shared/model/stakeholder';
import { targetFor } from '../../shared/text/quote';
import { describeReadRefusal } from '../storage/disk-refusal';
import { JsonStore } from '../storage/json-store';
import { sweepLeftovers } from '../storage/leftovers';
import { parseJsonText } from '../storage/parse-json';
import { type AnnotationFileRef, findAnnotationFiles } from './annotation-files';
import { type AnnotationFile, AnnotationFileSchema, newAnnotationFile } from './annotation-files-schema';
import { annotatorName } from './annotator';
import { addCode, findCode, moveCode, removeCode, updateCode } from './codebook-edits';
import { type CachedAnnotationFile, type CachedDocument, DocumentCache } from './document-cache';
import { DocumentReader, type LoadedText } from './document-reader';
import { forEachLimited } from './for-each-limited';
import { ProjectLayout } from './layout';
import { deleteOrphan, reattachOrphan, restoreOrphan } from './orphans';
import { migrateProjectFile, newProjectFile, type ProjectFile, ProjectFileSchema } from './project-file';
import { needsReattaching, reattachFile } from './reattach-file';
import { addStakeholder, findStakeholder, mergeStakeholders, updateStakeholder } from './register-edits';
import {
  addRelationType,
  findRelationType,
  removeRelationType,
  updateRelationType,
} from './relation-type-edits';
import {
  addRelation,
  changeRelation,
  type RelationChanges,
  removeRelation,
  removeRelationsOf,
} from './relations';
import { matchRenames, missingKeys, moveDocumentData, type Rename } from './renames';
import { compareKeys, scanFolder } from './scan-folder';

type ProjectStore = JsonStore<typeof ProjectFileSchema>;
type AnnotationStore = JsonStore<typeof AnnotationFileSchema>;

export interface OpenOptions {
  annotator?: string;
  /** Read without writing anything into the folder, not even .gloss/ (for `gloss info`). */
  readOnly?: boolean;
}

/**
 * An open project: a folder of articles plus Gloss's data in its .gloss/ folder.
 * The articles are only ever read. Each change is saved before the call returns.
 */
export class Project {
  readonly annotator: string;
  readonly #stores = new Map<string, Promise<AnnotationStore>>();
  readonly #reader: DocumentReader;

  private constructor(
    readonly layout: ProjectLayout,
    readonly projectStore: ProjectStore,
    readonly cache: DocumentCache,
    annotator: string,
    readonly readOnly: boolean,
  ) {
    this.annotator = annotator;
    this.#reader = new DocumentReader(layout, cache);
  }

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
    const project = new Project(layout, projectStore, cache, annotatorName(options.annotator), readOnly);
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
    const data = this.projectStore.data;
    const problem = this.projectStore.problem;
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

  // ——— documents ———

  async listDocuments(): Promise<DocumentList> {
    const [scan, annotationFiles] = await Promise.all([
      scanFolder(this.root),
      findAnnotationFiles(this.layout.annotationsDir),
    ]);
    const skipped: SkippedFile[] = [...scan.skipped];
    const problems: FileProblem[] = [...this.info().problems];

    const counts = new Map<string, number>();
    const ownStatus = new Map<string, DocumentStatus>();
    const annotationPaths = new Set<string>();
    const described: (CachedDocument | undefined)[] = new Array(scan.files.length);
    // Annotation files and articles are independent: reading both at once overlaps one's parsing with the other's I/O.
    await Promise.all([
      forEachLimited(annotationFiles, 16, async (ref) => {
        const name = this.layout.display(ref.path);
        annotationPaths.add(name);
        const summary = await this.#summariseAnnotationFile(ref.annotator, ref.path, name);
        if (summary.problem) problems.push({ file: name, message: summary.problem });
        counts.set(ref.key, (counts.get(ref.key) ?? 0) + summary.count);
        if (ref.annotator === this.annotator) ownStatus.set(ref.key, summary.status);
      }),
      forEachLimited(
        scan.files.map((file, index) => ({ file, index })),
        16,
        async ({ file, index }) => {
          try {
            described[index] = await this.#reader.describe(file.key, file.path, file.size, file.mtimeMs);
          } catch (error) {
            skipped.push({ path: file.key, reason: describeReadRefusal(error) });
          }
        },
      ),
    ]);
    const renamed = await this.#followRenames(scan.files, described, annotationFiles, problems);
    for (const { from, to } of renamed) {
      counts.set(to, counts.get(from) ?? 0);
      const status = ownStatus.get(from);
      if (status) ownStatus.set(to, status);
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
      });
    });
    this.cache.retain(new Set(scan.files.map((f) => f.key)), annotationPaths);
    await this.cache.save();
    problems.sort((a, b) => a.file.localeCompare(b.file));
    skipped.sort((a, b) => compareKeys(a.path, b.path));
    return { documents, skipped, problems, renamed };
  }

  async getDocument(key: string): Promise<Document> {
    return (await this.documentWithWork(key)).document;
  }

  async setDocumentStatus(key: string, status: DocumentStatus): Promise<DocumentSummary> {
    await this.#editOwn(key, (file) => {
      file.status = status;
    });
    const { text: _text, note: _note, ...summary } = await this.getDocument(key);
    return summary;
  }

  async setDocumentNote(key: string, note: string): Promise<{ key: string; note: string }> {
    await this.#editOwn(key, (file) => {
      file.note = note;
    });
    return { key, note };
  }

  // ——— annotations ———

  /** Every annotator's annotations of the document, in text order. */
  async listAnnotations(key: string): Promise<Annotation[]> {
    return (await this.documentWithWork(key)).annotations;
  }

  /**
   * A document with every annotator's annotations and relations, each file read once: what an
   * export takes of each document (getDocument, listAnnotations and listRelations one after
   * another would read the other annotators' files three times).
   */
  async documentWithWork(key: string): Promise<{
    document: Document;
    annotations: Annotation[];
    relations: Relation[];
    orphans: Annotation[];
  }> {
    const loaded = await this.#reader.load(key);
    const own = await this.#ownFileFor(key, loaded);
    const files = [...(own ? [own] : []), ...(await this.#otherAnnotatorFiles(key, loaded))];
    const annotations = files
      .flatMap((file) =>
        file === own ? file.annotations : file.annotations.map((a) => this.#withResolvedStakeholder(a)),
      )
      .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end);
    // An orphan's relations wait in its file until it is re-attached; until then they link to nothing shown.
    const placed = new Set(annotations.map((a) => a.id));
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
      },
      annotations,
      relations: files.flatMap((file) =>
        file.relations.filter((r) => placed.has(r.from) && placed.has(r.to)),
      ),
      // Every annotator's, for exports to count what they leave out.
      orphans: files.flatMap((file) => file.orphans),
    };
  }

  async createAnnotation(request: ParsedRequest<'createAnnotation'>): Promise<Annotation> {
    const [annotation] = await this.createAnnotations(request.key, [request]);
    return annotation!;
  }

  /**
   * Several annotations of one document in one save (accepting all of a document's suggestions):
   * one write, not one per annotation, and all or none of them.
   */
  async createAnnotations(
    key: string,
    requests: readonly Omit<ParsedRequest<'createAnnotation'>, 'key'>[],
  ): Promise<Annotation[]> {
    const loaded = await this.#reader.load(key);
    const now = new Date().toISOString();
    const annotations = requests.map((request): Annotation => {
      const target = this.#target(loaded.text, request.start, request.end);
      this.#checkCodeUse(request.code, request);
      return {
        id: request.id ?? randomUUID(),
        code: request.code,
        author: this.annotator,
        created: now,
        modified: now,
        target,
        ...(request.note ? { note: request.note } : {}),
        ...(request.value ? { value: request.value } : {}),
        ...(request.stakeholderId ? { stakeholderId: request.stakeholderId } : {}),
      };
    });
    await this.#editOwn(
      key,
      (file) => {
        const taken = new Set([...file.annotations, ...file.orphans].map((a) => a.id));
        for (const annotation of annotations) {
          if (taken.has(annotation.id)) {
            throw new ApiError('conflict', `An annotation with id ${annotation.id} already exists in ${key}`);
          }
          taken.add(annotation.id);
        }
        file.annotations.push(...annotations);
      },
      loaded,
    );
    return annotations;
  }

  /**
   * Adds imported annotations and relations to `author`'s file of a document, created if missing.
   * Import is the one place Gloss writes a file of another annotator: the work is theirs, brought
   * in from another tool. The author is a file name here, so it is made safe like any annotator's.
   */
  async addImported(
    key: string,
    author: string,
    annotations: Annotation[],
    relations: Relation[],
  ): Promise<void> {
    this.#assertWritable();
    const loaded = await this.#reader.load(key);
    const annotator = annotatorName(author);
    const path = this.layout.annotationFile(key, annotator);
    const store =
      annotator === this.annotator
        ? await this.#ownStore(key)
        : await JsonStore.open(
            { path, displayName: this.layout.display(path), schema: AnnotationFileSchema },
            newAnnotationFile(key, annotator, loaded.fingerprint),
          );
    await store.update((file) => {
      // The imported offsets are into the article's current text; an older file is brought up to it first.
      bringUpToDate(file, loaded);
      file.fingerprint ||= loaded.fingerprint;
      file.annotations.push(...annotations.map((a) => ({ ...a, author: annotator })));
      file.relations.push(...relations.map((r) => ({ ...r, author: annotator })));
    });
  }

  async updateAnnotation(
    key: string,
    id: string,
    changes: ParsedRequest<'updateAnnotation'>['changes'],
  ): Promise<Annotation> {
    // The text is needed only to re-quote a moved range; a note or code change saves without reading the article.
    const moves = changes.start !== undefined || changes.end !== undefined;
    const loaded = moves ? await this.#reader.load(key) : undefined;
    let updated: Annotation | undefined;
    await this.#editOwn(
      key,
      (file) => {
        const index = file.annotations.findIndex((a) => a.id === id);
        const current = file.annotations[index];
        if (!current) return;
        const next: Annotation = { ...current, modified: new Date().toISOString() };
        if (changes.code !== undefined) next.code = changes.code;
        if (loaded) {
          next.target = this.#target(
            loaded.text,
            changes.start ?? current.target.start,
            changes.end ?? current.target.end,
          );
        }
        if (changes.note === null || changes.note === '') delete next.note;
        else if (changes.note !== undefined) next.note = changes.note;
        if (changes.value === null) delete next.value;
        else if (changes.value !== undefined) next.value = changes.value;
        if (changes.stakeholderId === null) delete next.stakeholderId;
        else if (changes.stakeholderId !== undefined) next.stakeholderId = changes.stakeholderId;
        this.#checkCodeUse(next.code, next);
        file.annotations[index] = next;
        updated = next;
      },
      loaded,
    );
    if (!updated) await this.#throwNotOwn(key, id);
    return updated!;
  }

  /** Deletes the annotation with its relations, and returns them so that undo can bring them back. */
  async deleteAnnotation(key: string, id: string): Promise<{ id: string; relations: Relation[] }> {
    let found = false;
    let relations: Relation[] = [];
    await this.#editOwn(key, (file) => {
      const before = file.annotations.length;
      file.annotations = file.annotations.filter((a) => a.id !== id);
      found = file.annotations.length < before;
      if (found) relations = removeRelationsOf(file, new Set([id]));
    });
    if (!found) await this.#throwNotOwn(key, id);
    return { id, relations };
  }

  // ——— orphans: annotations not found again after their article changed (orphans.ts) ———

  async reattachOrphan(key: string, id: string, start: number, end: number): Promise<Annotation> {
    const loaded = await this.#reader.load(key);
    const target = this.#target(loaded.text, start, end);
    let placed: Annotation | undefined;
    await this.#editOwn(
      key,
      (file) => {
        placed = reattachOrphan(file, id, target, new Date().toISOString());
      },
      loaded,
    );
    return placed!;
  }

  async deleteOrphan(key: string, id: string): Promise<{ id: string; relations: Relation[] }> {
    let relations: Relation[] = [];
    await this.#editOwn(key, (file) => {
      relations = deleteOrphan(file, id);
    });
    return { id, relations };
  }

  async restoreOrphan(
    key: string,
    orphan: Annotation,
    relations: readonly Relation[],
  ): Promise<{ id: string }> {
    await this.#editOwn(key, (file) => restoreOrphan(file, orphan, relations));
    return { id: orphan.id };
  }

  // ——— relations (logic and checks in relations.ts) ———

  /** Every annotator's relations in the document. */
  async listRelations(key: string): Promise<Relation[]> {
    return (await this.documentWithWork(key)).relations;
  }

  async createRelation(request: ParsedRequest<'createRelation'>): Promise<Relation> {
    const { key, ...fields } = request;
    const book = this.projectStore.data.codebook;
    const relation = { ...fields, id: fields.id ?? randomUUID(), author: this.annotator };
    let created: Relation | undefined;
    await this.#editOwn(key, (file) => {
      created = addRelation(file, book, { ...relation, now: new Date().toISOString() });
    });
    return created!;
  }

  async updateRelation(key: string, id: string, changes: RelationChanges): Promise<Relation> {
    const book = this.projectStore.data.codebook;
    let updated: Relation | undefined;
    await this.#editOwn(key, (file) => {
      updated = changeRelation(file, book, id, changes, new Date().toISOString());
    });
    return updated!;
  }

  async deleteRelation(key: string, id: string): Promise<{ id: string }> {
    await this.#editOwn(key, (file) => {
      removeRelation(file, id);
    });
    return { id };
  }

  get relationTypes() {
    const save = (edit: (book: Codebook) => Codebook) =>
      this.#updateProject((file) => {
        file.codebook = edit(file.codebook);
        return file.codebook;
      });
    return {
      add: (request: ParsedRequest<'addRelationType'>) =>
        save((book) => addRelationType(book, request).codebook),
      update: (id: string, changes: ParsedRequest<'updateRelationType'>['changes']) =>
        save((book) => updateRelationType(book, id, changes)),
      /** Refused while any annotator's relation is of the type: their files are not ours to change. */
      delete: async (id: string) => {
        const type = findRelationType(this.projectStore.data.codebook, id);
        let used = 0;
        for (const ref of await findAnnotationFiles(this.layout.annotationsDir)) {
          const file = await this.#readAnnotationFile(ref.key, ref.annotator, ref.path);
          used += file?.relations.filter((r) => r.type === id).length ?? 0;
        }
        if (used > 0) {
          throw new ApiError(
            'conflict',
            `"${type.name}" is used by ${used} relation${used === 1 ? '' : 's'}: delete or retype them first`,
          );
        }
        return save((book) => removeRelationType(book, id));
      },
    };
  }

  // ——— codebook and register (project.json) ———

  get codebook() {
    const save = (edit: (book: Codebook) => Codebook) =>
      this.#updateProject((file) => {
        file.codebook = edit(file.codebook);
        return file.codebook;
      });
    return {
      add: (request: ParsedRequest<'addCode'>) => save((book) => addCode(book, request).codebook),
      update: (id: string, changes: ParsedRequest<'updateCode'>['changes']) =>
        save((book) => updateCode(book, id, changes)),
      move: (id: string, parentId: string | null, index: number) =>
        save((book) => moveCode(book, id, parentId, index)),
    };
  }

  get stakeholders() {
    return {
      add: (request: ParsedRequest<'addStakeholder'>) =>
        this.#updateProject((file) => {
          const { register, stakeholder } = addStakeholder(file.stakeholders, request);
          file.stakeholders = register;
          return stakeholder;
        }),
      update: (id: string, changes: ParsedRequest<'updateStakeholder'>['changes']) =>
        this.#updateProject((file) => {
          const { register, stakeholder } = updateStakeholder(file.stakeholders, id, changes);
          file.stakeholders = register;
          return stakeholder;
        }),
    };
  }

  /**
   * Deletes a code and its children. Annotations of those codes in this annotator's files are
   * reassigned or removed as asked; other annotators' files are theirs and are not touched.
   */
  async deleteCode(
    id: string,
    annotations: ParsedRequest<'deleteCode'>['annotations'],
  ): Promise<DeletedCode> {
    const book = this.projectStore.data.codebook;
    const { codebook, removed } = removeCode(book, id);
    if (annotations.action === 'reassign') {
      const target = findCode(book, annotations.to);
      if (removed.has(target.id))
        throw new ApiError('conflict', `"${target.name}" is being deleted too; pick a code outside it`);
      if (!target.codable)
        throw new ApiError('conflict', `"${target.name}" is a group; pick a code that can be applied`);
    }
    const targetRole = annotations.action === 'reassign' ? roleOf(book, annotations.to) : undefined;
    const uses = await this.#ownUses((a) => removed.has(a.code));
    if (annotations.action === 'refuse-if-used' && uses.total > 0) {
      throw new ApiError(
        'conflict',
        `"${findCode(book, id).name}" is used by ${uses.total} annotation${uses.total === 1 ? '' : 's'}: choose to reassign or remove them`,
      );
    }
    let reassigned = 0;
    let removedCount = 0;
    for (const key of uses.keys) {
      await this.#editOwn(key, (file) => {
        if (annotations.action === 'reassign') {
          // Orphans too: one re-attached later must carry a code that still exists.
          for (const a of [...file.annotations, ...file.orphans]) {
            if (removed.has(a.code)) {
              a.code = annotations.to;
              a.modified = new Date().toISOString();
              // A value or stakeholder link only means something on a code of that role.
              if (targetRole !== 'figure') delete a.value;
              if (targetRole !== 'stakeholder') delete a.stakeholderId;
              reassigned++;
            }
          }
        } else {
          const gone = new Set(
            [...file.annotations, ...file.orphans].filter((a) => removed.has(a.code)).map((a) => a.id),
          );
          file.annotations = file.annotations.filter((a) => !gone.has(a.id));
          file.orphans = file.orphans.filter((a) => !gone.has(a.id));
          removeRelationsOf(file, gone);
          removedCount += gone.size;
        }
      });
    }
    await this.#updateProject((file) => {
      file.codebook = codebook;
    });
    return { codebook, reassigned, removed: removedCount };
  }

  async deleteStakeholder(id: string): Promise<{ id: string }> {
    const stakeholder = findStakeholder(this.projectStore.data.stakeholders, id);
    const uses = await this.#ownUses((a) => a.stakeholderId === id);
    if (uses.total > 0) {
      throw new ApiError(
        'conflict',
        `${stakeholder.name} is mentioned ${uses.total} time${uses.total === 1 ? '' : 's'}: remove or re-point those mentions first`,
      );
    }
    await this.#updateProject((file) => {
      file.stakeholders = file.stakeholders.filter((s) => s.id !== id);
    });
    return { id };
  }

  async mergeStakeholders(
    fromId: string,
    intoId: string,
  ): Promise<{ stakeholders: Stakeholder[]; repointed: number }> {
    const data = this.projectStore.data;
    const { register, redirects } = mergeStakeholders(
      data.stakeholders,
      data.stakeholderRedirects,
      fromId,
      intoId,
    );
    const uses = await this.#ownUses((a) => a.stakeholderId === fromId);
    let repointed = 0;
    for (const key of uses.keys) {
      await this.#editOwn(key, (file) => {
        for (const a of [...file.annotations, ...file.orphans]) {
          if (a.stakeholderId === fromId) {
            a.stakeholderId = intoId;
            a.modified = new Date().toISOString();
            repointed++;
          }
        }
      });
    }
    await this.#updateProject((file) => {
      file.stakeholders = register;
      file.stakeholderRedirects = redirects;
    });
    return { stakeholders: register, repointed };
  }

  /** Mentions per stakeholder id, by every annotator, with merged stakeholders counted as their target. */
  async countMentions(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const ref of await findAnnotationFiles(this.layout.annotationsDir)) {
      const annotations = await this.#readAnnotations(ref.key, ref.annotator, ref.path);
      for (const a of annotations) {
        if (!a.stakeholderId) continue;
        const id = this.#resolveStakeholder(a.stakeholderId);
        counts[id] = (counts[id] ?? 0) + 1;
      }
    }
    return counts;
  }

  /**
   * The register entry an id now stands for (a merged stakeholder's id leads to the one it was
   * merged into), and every id whose mentions count as that entry's: its own and the merged ones.
   */
  stakeholderAfterMerges(id: string): { id: string; ids: string[] } {
    const target = this.#resolveStakeholder(id);
    const merged = Object.keys(this.projectStore.data.stakeholderRedirects).filter(
      (from) => this.#resolveStakeholder(from) === target,
    );
    return { id: target, ids: [target, ...merged] };
  }

  async updateSettings(changes: ParsedRequest<'updateSettings'>): Promise<ProjectFile['settings']> {
    return this.#updateProject((file) => {
      file.settings = { ...file.settings, ...changes };
      return file.settings;
    });
  }

  /**
   * An annotation file of a document changed on disk: whether the change is news, i.e. not this
   * Gloss's own save (recognised by the open store's last stamp). This annotator's open file is
   * read again when another Gloss of theirs saved it; other annotators' files are read fresh anyway.
   */
  async annotationFileChanged(key: string, annotator: string): Promise<boolean> {
    const open =
      annotator === this.annotator ? this.#stores.get(this.layout.annotationFile(key, annotator)) : undefined;
    const store = open && (await open.catch(() => undefined));
    return store ? store.refreshFromDisk() : true;
  }

  // ——— internals ———

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
        // A store still open under the old key would save there again.
        for (const path of this.#stores.keys()) {
          if (path.startsWith(this.layout.annotationDir(rename.from) + sep)) this.#stores.delete(path);
        }
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

  /** Others' mentions of a merged stakeholder show as mentions of the one it was merged into. */
  #withResolvedStakeholder(a: Annotation): Annotation {
    return a.stakeholderId && a.stakeholderId !== this.#resolveStakeholder(a.stakeholderId)
      ? { ...a, stakeholderId: this.#resolveStakeholder(a.stakeholderId) }
      : a;
  }

  #resolveStakeholder(id: string): string {
    return this.projectStore.data.stakeholderRedirects[id] ?? id;
  }

  /** One annotation file's annotations: this annotator's from memory when open; [] when invalid. */
  async #readAnnotations(key: string, annotator: string, path: string): Promise<Annotation[]> {
    return (await this.#readAnnotationFile(key, annotator, path))?.annotations ?? [];
  }

  /** One annotation file: this annotator's from memory when open; undefined when invalid. */
  async #readAnnotationFile(
    key: string,
    annotator: string,
    path: string,
  ): Promise<AnnotationFile | undefined> {
    if (annotator === this.annotator) {
      const store = await this.#ownStore(key).catch(() => undefined);
      return store && !store.problem ? store.data : undefined;
    }
    const text = await readFile(path, 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : parseJsonText(text, AnnotationFileSchema);
    return parsed?.ok ? parsed.value : undefined;
  }

  #target(text: string, start: number, end: number) {
    try {
      return targetFor(text, start, end);
    } catch (error) {
      throw new ApiError('bad-request', (error as Error).message);
    }
  }

  /** A code must exist and be codable; values go with figure codes, stakeholders with stakeholder codes. */
  #checkCodeUse(codeId: string, use: { value?: unknown; stakeholderId?: string }): void {
    const book = this.projectStore.data.codebook;
    const code = findCode(book, codeId);
    if (!code.codable)
      throw new ApiError('bad-request', `"${code.name}" is a group of codes; apply one of its codes instead`);
    const role = roleOf(book, codeId);
    if (use.value !== undefined && role !== 'figure') {
      throw new ApiError('bad-request', `"${code.name}" is not a figure code, so it takes no value`);
    }
    if (use.stakeholderId !== undefined) {
      if (role !== 'stakeholder')
        throw new ApiError('bad-request', `"${code.name}" is not a stakeholder code`);
      findStakeholder(this.projectStore.data.stakeholders as Stakeholder[], use.stakeholderId);
    }
  }

  #ownStore(key: string): Promise<AnnotationStore> {
    const path = this.layout.annotationFile(key, this.annotator);
    let store = this.#stores.get(path);
    if (!store) {
      // The fingerprint of a file not yet on disk is filled in by its first save (#editOwn).
      store = JsonStore.open(
        {
          path,
          displayName: this.layout.display(path),
          schema: AnnotationFileSchema,
          readOnly: this.readOnly,
        },
        newAnnotationFile(key, this.annotator, ''),
      );
      store.catch(() => this.#stores.delete(path));
      this.#stores.set(path, store);
    }
    return store;
  }

  /**
   * This annotator's file of a document with its offsets brought up to the article's current
   * text: when the article changed since they were made, annotations are re-attached by quote and
   * context and saved so. Read-only, or when the save fails, the re-attached file is used from
   * memory and the save is tried again next time. Undefined when the file could not be read.
   */
  async #ownFileFor(key: string, loaded: LoadedText): Promise<AnnotationFile | undefined> {
    const store = await this.#ownStore(key);
    if (store.problem) return undefined;
    if (!needsReattaching(store.data, loaded.fingerprint)) return store.data;
    if (!this.readOnly) {
      try {
        await store.update((file) => bringUpToDate(file, loaded));
        return store.data;
      } catch {
        // Reading must not fail because the disk refuses a write; the next edit saves it.
      }
    }
    const copy = structuredClone(store.data);
    reattachFile(copy, loaded.text, loaded.fingerprint);
    return copy;
  }

  #assertWritable(): void {
    if (this.readOnly)
      throw new ApiError('forbidden', `${basename(this.root)} is open read-only; nothing can be changed`);
  }

  #updateProject<R>(edit: (file: ProjectFile) => R): Promise<R> {
    this.#assertWritable();
    return this.projectStore.update(edit);
  }

  /**
   * Edits this annotator's file of a document. An edit bringing offsets into the article's current
   * text passes that text: the file is brought up to it first (re-attached if the article changed
   * since), so old and new offsets never mix.
   */
  async #editOwn(key: string, edit: (file: AnnotationFile) => void, text?: LoadedText): Promise<void> {
    this.#assertWritable();
    const store = await this.#ownStore(key);
    const fingerprint =
      text?.fingerprint || store.data.fingerprint || (await this.#reader.load(key)).fingerprint;
    await store.update((file) => {
      if (text) bringUpToDate(file, text);
      file.fingerprint ||= fingerprint;
      edit(file);
    });
  }

  async #throwNotOwn(key: string, id: string): Promise<never> {
    for (const file of await this.#otherAnnotatorFiles(key)) {
      if (file.annotations.some((a) => a.id === id)) {
        throw new ApiError(
          'forbidden',
          `That annotation is ${file.annotator}'s; Gloss edits only your own annotations`,
        );
      }
    }
    throw new ApiError('not-found', `There is no annotation ${id} in ${key}`);
  }

  /**
   * Other annotators' files for one document, read fresh (they may arrive by sync). Invalid ones
   * are passed over. Given the article's text, files made against an earlier text are re-attached
   * to it in memory: they are the other annotators' to save.
   */
  async #otherAnnotatorFiles(key: string, loaded?: LoadedText): Promise<AnnotationFile[]> {
    const dir = this.layout.annotationDir(key);
    const names = await readdir(dir).catch(() => [] as string[]);
    const files: AnnotationFile[] = [];
    for (const name of names) {
      if (name.startsWith('.') || !name.endsWith('.json') || name === `${this.annotator}.json`) continue;
      const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
      const parsed = text === undefined ? undefined : parseJsonText(text, AnnotationFileSchema);
      if (!parsed?.ok) continue;
      if (loaded && needsReattaching(parsed.value, loaded.fingerprint)) {
        reattachFile(parsed.value, loaded.text, loaded.fingerprint);
      }
      files.push(parsed.value);
    }
    return files;
  }

  /** Count and status of one annotation file: from memory if open, from the cache if unchanged, else read and validated. */
  async #summariseAnnotationFile(
    annotator: string,
    path: string,
    name: string,
  ): Promise<CachedAnnotationFile | AnnotationSummary> {
    const open = annotator === this.annotator ? this.#stores.get(path) : undefined;
    const store = open && (await open.catch(() => undefined));
    if (store) {
      return store.problem
        ? { count: 0, status: 'todo', problem: store.problem.message }
        : { count: store.data.annotations.length, status: store.data.status };
    }
    // A file the cache has never seen is read straight away: its size and time come from the open handle.
    if (this.cache.annotationFiles.has(name)) {
      const info = await stat(path).catch(() => undefined);
      const cached = info && this.cache.annotationFile(name, info.size, info.mtimeMs);
      if (cached) return cached;
    }
    let read: { text: string; size: number; mtimeMs: number };
    try {
      read = await readWithStat(path);
    } catch (error) {
      return {
        count: 0,
        status: 'todo',
        problem: `${name}: could not be read (${(error as Error).message})`,
      };
    }
    const parsed = parseJsonText(read.text, AnnotationFileSchema);
    const entry: CachedAnnotationFile = parsed.ok
      ? {
          size: read.size,
          mtimeMs: read.mtimeMs,
          count: parsed.value.annotations.length,
          status: parsed.value.status,
        }
      : {
          size: read.size,
          mtimeMs: read.mtimeMs,
          count: 0,
          status: 'todo',
          problem: `${name}: ${parsed.problem}`,
        };
    this.cache.setAnnotationFile(name, entry);
    return entry;
  }

  /** Which of this annotator's documents have annotations matching `test`, and how many. */
  async #ownUses(test: (a: Annotation) => boolean): Promise<{ keys: string[]; total: number }> {
    const keys: string[] = [];
    let total = 0;
    for (const ref of await findAnnotationFiles(this.layout.annotationsDir)) {
      if (ref.annotator !== this.annotator) continue;
      const store = await this.#ownStore(ref.key).catch(() => undefined);
      if (!store || store.problem) continue;
      const n = [...store.data.annotations, ...store.data.orphans].filter(test).length;
      if (n > 0) {
        keys.push(ref.key);
        total += n;
      }
    }
    return { keys, total };
  }
}

interface AnnotationSummary {
  count: number;
  status: DocumentStatus;
  problem?: string;
}

async function readWithStat(path: string): Promise<{ text: string; size: number; mtimeMs: number }> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    return { text: await handle.readFile('utf8'), size: info.size, mtimeMs: info.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Re-attaches a file made against an earlier text of the article, then marks it as made against this one. */
function bringUpToDate(file: AnnotationFile, loaded: LoadedText): void {
  if (needsReattaching(file, loaded.fingerprint)) reattachFile(file, loaded.text, loaded.fingerprint);
  file.fingerprint = loaded.fingerprint;
}
