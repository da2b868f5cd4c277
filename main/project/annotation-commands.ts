import { randomUUID } from 'node:crypto';
import type { ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import {
  applyAnnotationChanges,
  codeUseProblem,
  type NewAnnotationFields,
  newAnnotation,
} from '../../shared/model/annotation-rules';
import type { Codebook } from '../../shared/model/codebook';
import type { Relation } from '../../shared/model/relation';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { SuggestionKind } from '../../shared/model/suggestion';
import { targetFor } from '../../shared/text/quote';
import { JsonStore } from '../storage/json-store';
import { AnnotationFileSchema, newAnnotationFile } from './annotation-files-schema';
import { annotatorName } from './annotator';
import type { Clock } from './clock';
import type { DocumentAssembly } from './document-assembly';
import type { DocumentReader } from './document-reader';
import type { ProjectLayout } from './layout';
import { deleteOrphan, reattachOrphan, restoreOrphan } from './orphans';
import { bringUpToDate, type OwnStores } from './own-stores';
import {
  addRelation,
  changeRelation,
  type RelationChanges,
  removeRelation,
  removeRelationsOf,
} from './relations';

/** What the commands need of the project file: the codebook and the register as saved. */
export interface CodebookSource {
  codebook(): Codebook;
  register(): readonly Stakeholder[];
}

/**
 * The changes a researcher makes to a document's annotations, orphans and relations: each is
 * one save of their own file of that document (OwnStores), checked against the codebook and
 * register first. Other annotators' files are read, never written (import is the exception).
 */
/**
 * A new annotation as the API asks for one; `suggested` (never from the API: only main's
 * accepting of suggestions sets it) records the kind of suggestion it was made from.
 */
export type NewAnnotationRequest = Omit<ParsedRequest<'createAnnotation'>, 'key'> & {
  suggested?: SuggestionKind;
};

export class AnnotationCommands {
  constructor(
    private readonly layout: ProjectLayout,
    private readonly reader: DocumentReader,
    private readonly own: OwnStores,
    private readonly assembly: DocumentAssembly,
    private readonly book: CodebookSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Several annotations of one document in one save (accepting all of a document's suggestions):
   * one write, not one per annotation, and all or none of them.
   */
  async create(key: string, requests: readonly NewAnnotationRequest[]): Promise<Annotation[]> {
    const loaded = await this.reader.load(key);
    const now = this.clock.now();
    const annotations = requests.map((request) => {
      const fields: NewAnnotationFields = { ...request, id: request.id ?? randomUUID() };
      const made = quoting(() => newAnnotation(loaded.text, fields, this.own.annotator, now));
      const annotation = request.suggested ? { ...made, suggested: request.suggested } : made;
      this.#checkCodeUse(request.code, request);
      return annotation;
    });
    await this.own.edit(
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
    this.own.assertWritable();
    const loaded = await this.reader.load(key);
    const annotator = annotatorName(author);
    const path = this.layout.annotationFile(key, annotator);
    const store =
      annotator === this.own.annotator
        ? await this.own.store(key)
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

  async update(
    key: string,
    id: string,
    changes: ParsedRequest<'updateAnnotation'>['changes'],
  ): Promise<Annotation> {
    // The text is needed only to re-quote a moved range; a note or code change saves without reading the article.
    const moves = changes.start !== undefined || changes.end !== undefined;
    const loaded = moves ? await this.reader.load(key) : undefined;
    let updated: Annotation | undefined;
    await this.own.edit(
      key,
      (file) => {
        const index = file.annotations.findIndex((a) => a.id === id);
        const current = file.annotations[index];
        if (!current) return;
        const next = quoting(() => applyAnnotationChanges(current, changes, loaded?.text, this.clock.now()));
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
  async delete(key: string, id: string): Promise<{ id: string; relations: Relation[] }> {
    let found = false;
    let relations: Relation[] = [];
    await this.own.edit(key, (file) => {
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
    const loaded = await this.reader.load(key);
    const target = quoting(() => targetFor(loaded.text, start, end));
    let placed: Annotation | undefined;
    await this.own.edit(
      key,
      (file) => {
        placed = reattachOrphan(file, id, target, this.clock.now());
      },
      loaded,
    );
    return placed!;
  }

  async deleteOrphan(key: string, id: string): Promise<{ id: string; relations: Relation[] }> {
    let relations: Relation[] = [];
    await this.own.edit(key, (file) => {
      relations = deleteOrphan(file, id);
    });
    return { id, relations };
  }

  async restoreOrphan(
    key: string,
    orphan: Annotation,
    relations: readonly Relation[],
  ): Promise<{ id: string }> {
    await this.own.edit(key, (file) => restoreOrphan(file, orphan, relations));
    return { id: orphan.id };
  }

  // ——— relations (logic and checks in relations.ts) ———

  async createRelation(request: ParsedRequest<'createRelation'>): Promise<Relation> {
    const { key, ...fields } = request;
    const relation = { ...fields, id: fields.id ?? randomUUID(), author: this.own.annotator };
    let created: Relation | undefined;
    await this.own.edit(key, (file) => {
      created = addRelation(file, this.book.codebook(), { ...relation, now: this.clock.now() });
    });
    return created!;
  }

  async updateRelation(key: string, id: string, changes: RelationChanges): Promise<Relation> {
    let updated: Relation | undefined;
    await this.own.edit(key, (file) => {
      updated = changeRelation(file, this.book.codebook(), id, changes, this.clock.now());
    });
    return updated!;
  }

  async deleteRelation(key: string, id: string): Promise<{ id: string }> {
    await this.own.edit(key, (file) => {
      removeRelation(file, id);
    });
    return { id };
  }

  #checkCodeUse(codeId: string, use: { value?: unknown; stakeholderId?: string }): void {
    const problem = codeUseProblem(this.book.codebook(), this.book.register(), codeId, use);
    if (problem) throw new ApiError(problem.kind, problem.message);
  }

  async #throwNotOwn(key: string, id: string): Promise<never> {
    for (const file of await this.assembly.others(key)) {
      if (file.annotations.some((a) => a.id === id)) {
        throw new ApiError(
          'forbidden',
          `That annotation is ${file.annotator}'s; Gloss edits only your own annotations`,
        );
      }
    }
    throw new ApiError('not-found', `There is no annotation ${id} in ${key}`);
  }
}

/** Offsets that do not fit the text are the request's fault: a 400 with the reason. */
function quoting<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('bad-request', (error as Error).message);
  }
}
