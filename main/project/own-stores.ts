import { basename, sep } from 'node:path';
import type { Annotation } from '../../shared/model/annotation';
import { JsonStore } from '../storage/json-store';
import { assertWritable } from '../storage/read-only';
import { findAnnotationFiles } from './annotation-files';
import { type AnnotationFile, AnnotationFileSchema, newAnnotationFile } from './annotation-files-schema';
import type { DocumentReader, LoadedText } from './document-reader';
import type { ProjectLayout } from './layout';
import { needsReattaching, reattachFile } from './reattach-file';

export type AnnotationStore = JsonStore<typeof AnnotationFileSchema>;

/** A file this process has not opened: what is on disk is all there is of it. */
export const NOT_OPEN: unique symbol = Symbol('not open');

/**
 * This annotator's annotation files, one open store per document, kept open once read: the only
 * annotation files Gloss saves (besides an import, which brings another annotator's work in).
 */
export class OwnStores {
  readonly #stores = new Map<string, Promise<AnnotationStore>>();
  /** The document key of each store's path. */
  readonly #keys = new Map<string, string>();

  constructor(
    private readonly layout: ProjectLayout,
    private readonly reader: DocumentReader,
    readonly annotator: string,
    private readonly readOnly: boolean,
  ) {}

  /** The store of a document's file, opened on first use (a file not yet on disk is made by its first save). */
  store(key: string): Promise<AnnotationStore> {
    const path = this.layout.annotationFile(key, this.annotator);
    let store = this.#stores.get(path);
    if (!store) {
      // The fingerprint of a file not yet on disk is filled in by its first save (edit).
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
      this.#keys.set(path, key);
    }
    return store;
  }

  /** The store of `path` if this process has it open (a file of this annotator), else undefined. */
  async openAt(path: string): Promise<AnnotationStore | undefined> {
    const open = this.#stores.get(path);
    return open && (await open.catch(() => undefined));
  }

  /**
   * The document's file as this process holds it open (undefined when it could not be read), or
   * NOT_OPEN. An edit or a reload replaces the data, so the same object means the same content.
   */
  async held(key: string): Promise<AnnotationFile | undefined | typeof NOT_OPEN> {
    const open = this.#stores.get(this.layout.annotationFile(key, this.annotator));
    if (!open) return NOT_OPEN;
    const store = await open.catch(() => undefined);
    return store && !store.problem ? store.data : undefined;
  }

  /** Every file held open, by document key (see held). */
  async allHeld(): Promise<Map<string, AnnotationFile | undefined>> {
    const held = new Map<string, AnnotationFile | undefined>();
    for (const [path, open] of this.#stores) {
      const store = await open.catch(() => undefined);
      const data = store && !store.problem ? store.data : undefined;
      held.set(this.#keys.get(path)!, data);
    }
    return held;
  }

  /** The document's file as saved, or undefined when it cannot be read (invalid, unreadable). */
  async data(key: string): Promise<AnnotationFile | undefined> {
    const store = await this.store(key).catch(() => undefined);
    return store && !store.problem ? store.data : undefined;
  }

  /**
   * The file with its offsets brought up to the article's current text: when the article changed
   * since they were made, annotations are re-attached by quote and context and saved so.
   * Read-only, or when the save fails, the re-attached file is used from memory and the save is
   * tried again next time. Undefined when the file could not be read.
   */
  async upToDate(key: string, loaded: LoadedText): Promise<AnnotationFile | undefined> {
    const store = await this.store(key);
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

  /**
   * Edits the document's file. An edit bringing offsets into the article's current text passes
   * that text: the file is brought up to it first (re-attached if the article changed since), so
   * old and new offsets never mix.
   */
  /**
   * How many edits have changed what the document list shows of a file (its status, date or
   * note). Counted once the edit is saved, so a list begun before the count moved may be stale.
   */
  listedFieldEdits = 0;

  async edit(key: string, edit: (file: AnnotationFile) => void, text?: LoadedText): Promise<void> {
    this.assertWritable();
    const store = await this.store(key);
    const fingerprint =
      text?.fingerprint || store.data.fingerprint || (await this.reader.load(key)).fingerprint;
    let listedChanged = false;
    await store.update((file) => {
      if (text) bringUpToDate(file, text);
      file.fingerprint ||= fingerprint;
      const { status, date, note } = file;
      edit(file);
      listedChanged = file.status !== status || file.date !== date || file.note !== note;
    });
    if (listedChanged) this.listedFieldEdits += 1;
  }

  /** Which documents have annotations (or orphans) matching `test`, and how many. */
  async uses(test: (a: Annotation) => boolean): Promise<{ keys: string[]; total: number }> {
    const keys: string[] = [];
    let total = 0;
    for (const ref of await findAnnotationFiles(this.layout.annotationsDir)) {
      if (ref.annotator !== this.annotator) continue;
      const file = await this.data(ref.key);
      if (!file) continue;
      const n = [...file.annotations, ...file.orphans].filter(test).length;
      if (n > 0) {
        keys.push(ref.key);
        total += n;
      }
    }
    return { keys, total };
  }

  /**
   * The file changed on disk: whether that is news, i.e. not this process's own save (told by the
   * open store's last stamp); an open store reads it again.
   */
  async changedOnDisk(key: string): Promise<boolean> {
    const store = await this.openAt(this.layout.annotationFile(key, this.annotator));
    return store ? store.refreshFromDisk() : true;
  }

  /** Closes the stores of a document moved to another key: they would save under the old one. */
  forget(key: string): void {
    for (const path of this.#stores.keys()) {
      if (path.startsWith(this.layout.annotationDir(key) + sep)) this.#stores.delete(path);
    }
  }

  /** The project's read-only check (main/storage/read-only.ts), in the project's name. */
  assertWritable(): void {
    assertWritable(this.readOnly, basename(this.layout.root));
  }
}

/** Re-attaches a file made against an earlier text of the article, then marks it as made against this one. */
export function bringUpToDate(file: AnnotationFile, loaded: LoadedText): void {
  if (needsReattaching(file, loaded.fingerprint)) reattachFile(file, loaded.text, loaded.fingerprint);
  file.fingerprint = loaded.fingerprint;
}
