import type { DeletedCode, ParsedRequest } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import { clearedByRecoding } from '../../shared/model/annotation-rules';
import type { Codebook } from '../../shared/model/codebook';
import type { Stakeholder } from '../../shared/model/stakeholder';
import type { JsonStore } from '../storage/json-store';
import { type AnnotationFileRef, findAnnotationFiles } from './annotation-files';
import type { AnnotationFile } from './annotation-files-schema';
import type { Clock } from './clock';
import { addCode, findCode, moveCode, removeCode, updateCode } from './codebook-edits';
import type { ProjectLayout } from './layout';
import { readAnnotationFileAt } from './other-annotators';
import type { OwnStores } from './own-stores';
import type { ProjectFile, ProjectFileSchema } from './project-file';
import { addStakeholder, findStakeholder, mergeStakeholders, updateStakeholder } from './register-edits';
import {
  addRelationType,
  findRelationType,
  removeRelationType,
  updateRelationType,
} from './relation-type-edits';
import { removeRelationsOf } from './relations';

export type ProjectStore = JsonStore<typeof ProjectFileSchema>;

export type SettingsChange =
  | Partial<ProjectFile['settings']>
  | ((settings: ProjectFile['settings']) => Partial<ProjectFile['settings']>);

/**
 * Edits of project.json, the codebook, the register of stakeholders, relation types and
 * settings, with what they cascade to: a deleted code's or merged stakeholder's annotations in
 * this annotator's files. Other annotators' files are theirs and are never changed.
 */
export class ProjectFileEdits {
  constructor(
    private readonly store: ProjectStore,
    private readonly layout: ProjectLayout,
    private readonly own: OwnStores,
    private readonly clock: Clock,
  ) {}

  get data(): ProjectFile {
    return this.store.data;
  }

  update<R>(edit: (file: ProjectFile) => R): Promise<R> {
    this.own.assertWritable();
    return this.store.update(edit);
  }

  #saveCodebook(edit: (book: Codebook) => Codebook): Promise<Codebook> {
    return this.update((file) => {
      file.codebook = edit(file.codebook);
      return file.codebook;
    });
  }

  readonly codebook = {
    add: (request: ParsedRequest<'addCode'>) => this.#saveCodebook((book) => addCode(book, request).codebook),
    update: (id: string, changes: ParsedRequest<'updateCode'>['changes']) =>
      this.#saveCodebook((book) => updateCode(book, id, changes)),
    move: (id: string, parentId: string | null, index: number) =>
      this.#saveCodebook((book) => moveCode(book, id, parentId, index)),
  };

  readonly relationTypes = {
    add: (request: ParsedRequest<'addRelationType'>) =>
      this.#saveCodebook((book) => addRelationType(book, request).codebook),
    update: (id: string, changes: ParsedRequest<'updateRelationType'>['changes']) =>
      this.#saveCodebook((book) => updateRelationType(book, id, changes)),
    /** Refused while any annotator's relation is of the type: their files are not ours to change. */
    delete: async (id: string) => {
      const type = findRelationType(this.data.codebook, id);
      let used = 0;
      for (const ref of await findAnnotationFiles(this.layout.annotationsDir)) {
        const file = await this.#annotationFile(ref);
        used += file?.relations.filter((r) => r.type === id).length ?? 0;
      }
      if (used > 0) {
        throw new ApiError(
          'conflict',
          `"${type.name}" is used by ${used} relation${used === 1 ? '' : 's'}: delete or retype them first`,
        );
      }
      return this.#saveCodebook((book) => removeRelationType(book, id));
    },
  };

  readonly stakeholders = {
    add: (request: ParsedRequest<'addStakeholder'>) =>
      this.update((file) => {
        const { register, stakeholder } = addStakeholder(file.stakeholders, request);
        file.stakeholders = register;
        return stakeholder;
      }),
    update: (id: string, changes: ParsedRequest<'updateStakeholder'>['changes']) =>
      this.update((file) => {
        const { register, stakeholder } = updateStakeholder(file.stakeholders, id, changes);
        file.stakeholders = register;
        return stakeholder;
      }),
  };

  /**
   * Deletes a code and its children. Annotations of those codes in this annotator's files are
   * reassigned or removed as asked; other annotators' files are theirs and are not touched.
   */
  async deleteCode(
    id: string,
    annotations: ParsedRequest<'deleteCode'>['annotations'],
  ): Promise<DeletedCode> {
    const book = this.data.codebook;
    const { codebook, removed } = removeCode(book, id);
    if (annotations.action === 'reassign') {
      const target = findCode(book, annotations.to);
      if (removed.has(target.id))
        throw new ApiError('conflict', `"${target.name}" is being deleted too; pick a code outside it`);
      if (!target.codable)
        throw new ApiError('conflict', `"${target.name}" is a group; pick a code that can be applied`);
    }
    const uses = await this.own.uses((a) => removed.has(a.code));
    if (annotations.action === 'refuse-if-used' && uses.total > 0) {
      throw new ApiError(
        'conflict',
        `"${findCode(book, id).name}" is used by ${uses.total} annotation${uses.total === 1 ? '' : 's'}: choose to reassign or remove them`,
      );
    }
    let reassigned = 0;
    let removedCount = 0;
    const now = this.clock.now();
    for (const key of uses.keys) {
      await this.own.edit(key, (file) => {
        if (annotations.action === 'reassign') {
          // Orphans too: one re-attached later must carry a code that still exists.
          for (const a of [...file.annotations, ...file.orphans]) {
            if (removed.has(a.code)) {
              recode(book, a, annotations.to, now);
              reassigned++;
            }
          }
        } else {
          removedCount += removeAnnotationsOf(file, (a) => removed.has(a.code));
        }
      });
    }
    await this.update((file) => {
      file.codebook = codebook;
    });
    return { codebook, reassigned, removed: removedCount };
  }

  async deleteStakeholder(id: string): Promise<{ id: string }> {
    const stakeholder = findStakeholder(this.data.stakeholders, id);
    const uses = await this.own.uses((a) => a.stakeholderId === id);
    if (uses.total > 0) {
      throw new ApiError(
        'conflict',
        `${stakeholder.name} is mentioned ${uses.total} time${uses.total === 1 ? '' : 's'}: remove or re-point those mentions first`,
      );
    }
    await this.update((file) => {
      file.stakeholders = file.stakeholders.filter((s) => s.id !== id);
    });
    return { id };
  }

  async mergeStakeholders(
    fromId: string,
    intoId: string,
  ): Promise<{ stakeholders: Stakeholder[]; repointed: number }> {
    const { register, redirects } = mergeStakeholders(
      this.data.stakeholders,
      this.data.stakeholderRedirects,
      fromId,
      intoId,
    );
    const uses = await this.own.uses((a) => a.stakeholderId === fromId);
    let repointed = 0;
    const now = this.clock.now();
    for (const key of uses.keys) {
      await this.own.edit(key, (file) => {
        for (const a of [...file.annotations, ...file.orphans]) {
          if (a.stakeholderId === fromId) {
            a.stakeholderId = intoId;
            a.modified = now;
            repointed++;
          }
        }
      });
    }
    await this.update((file) => {
      file.stakeholders = register;
      file.stakeholderRedirects = redirects;
    });
    return { stakeholders: register, repointed };
  }

  /** Mentions per stakeholder id, by every annotator, with merged stakeholders counted as their target. */
  async countMentions(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const ref of await findAnnotationFiles(this.layout.annotationsDir)) {
      for (const a of (await this.#annotationFile(ref))?.annotations ?? []) {
        if (!a.stakeholderId) continue;
        const id = this.resolveStakeholder(a.stakeholderId);
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
    const target = this.resolveStakeholder(id);
    const merged = Object.keys(this.data.stakeholderRedirects).filter(
      (from) => this.resolveStakeholder(from) === target,
    );
    return { id: target, ids: [target, ...merged] };
  }

  resolveStakeholder(id: string): string {
    return this.data.stakeholderRedirects[id] ?? id;
  }

  /** A function of the settings as they are on disk now, for a change that adds to a list. */
  updateSettings(changes: SettingsChange): Promise<ProjectFile['settings']> {
    return this.update((file) => {
      file.settings = {
        ...file.settings,
        ...(typeof changes === 'function' ? changes(file.settings) : changes),
      };
      return file.settings;
    });
  }

  /** One annotation file: this annotator's from memory, another's read fresh; undefined when invalid. */
  async #annotationFile(ref: AnnotationFileRef): Promise<AnnotationFile | undefined> {
    return ref.annotator === this.own.annotator
      ? this.own.data(ref.key)
      : (await readAnnotationFileAt(ref.path)).file;
  }
}

/** Gives an annotation another code, dropping a value or stakeholder the new code does not take. */
function recode(book: Codebook, a: Annotation, code: string, now: string): void {
  const cleared = clearedByRecoding(book, a, code);
  a.code = code;
  a.modified = now;
  if (cleared.value === null) delete a.value;
  if (cleared.stakeholderId === null) delete a.stakeholderId;
}

/** Removes the annotations and orphans matching `test`, with their relations; how many went. */
function removeAnnotationsOf(file: AnnotationFile, test: (a: Annotation) => boolean): number {
  const gone = new Set([...file.annotations, ...file.orphans].filter(test).map((a) => a.id));
  file.annotations = file.annotations.filter((a) => !gone.has(a.id));
  file.orphans = file.orphans.filter((a) => !gone.has(a.id));
  removeRelationsOf(file, gone);
  return gone.size;
}
