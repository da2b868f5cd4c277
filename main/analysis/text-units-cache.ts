import { readFile } from 'node:fs/promises';
import { type TextUnits, textUnits } from '../../shared/analysis/near';
import { forEachLimited } from '../project/for-each-limited';
import { LaterWrite } from '../storage/later-write';
import { decodeTextUnits, encodeTextUnits } from './text-units-file';

/** What splitting needs of a project: an article's text and the fingerprint of that text. */
export interface TextSource {
  text(key: string): Promise<{ text: string; fingerprint: string }>;
}

/**
 * The paragraphs and sentences of articles, by the fingerprint of their text: a text's units never
 * change, so nothing here goes stale; an edited article has a new fingerprint and is split anew.
 * Kept in memory once split or read, and on disk in `file` (text-units-file.ts) for the next
 * start, written a moment after new units were added, never when `readOnly`.
 */
export class TextUnitsCache {
  #units = new Map<string, TextUnits>();
  #loaded: Promise<void> | undefined;
  readonly #writer: LaterWrite;

  constructor(
    private readonly source: TextSource,
    private readonly store: { file?: string; readOnly?: boolean } = {},
  ) {
    this.#writer = new LaterWrite(store);
  }

  /**
   * The units of each document, by the fingerprint given: from memory, else from the file, else
   * split from the article's text as it is now. `keep` names every fingerprint of the project, so
   * the file forgets texts no longer in it.
   */
  async of(
    documents: readonly { key: string; fingerprint: string }[],
    keep: ReadonlySet<string>,
  ): Promise<Map<string, TextUnits>> {
    this.#loaded ??= this.#load();
    await this.#loaded;
    const found = new Map<string, TextUnits>();
    const missing: { key: string; fingerprint: string }[] = [];
    for (const document of documents) {
      const units = this.#units.get(document.fingerprint);
      if (units) found.set(document.fingerprint, units);
      else missing.push(document);
    }
    await forEachLimited(missing, 8, async ({ key, fingerprint }) => {
      const loaded = await this.source.text(key);
      const units = textUnits(loaded.text);
      this.#units.set(loaded.fingerprint, units);
      // Edited since the list was made: the units of the text as it is now serve the call.
      found.set(fingerprint, units);
    });
    if (missing.length > 0 || this.#forgets(keep)) this.#writer.soon(() => this.#contents(keep));
    return found;
  }

  /** Writes at once units still waiting to be written; resolves when nothing is being written. */
  close(): Promise<void> {
    return this.#writer.flush();
  }

  async #load(): Promise<void> {
    const bytes = this.store.file ? await readFile(this.store.file).catch(() => undefined) : undefined;
    const read = bytes && decodeTextUnits(bytes);
    if (read)
      for (const [fingerprint, units] of read)
        if (!this.#units.has(fingerprint)) this.#units.set(fingerprint, units);
  }

  #forgets(keep: ReadonlySet<string>): boolean {
    for (const fingerprint of this.#units.keys()) if (!keep.has(fingerprint)) return true;
    return false;
  }

  /** The file's contents: the units of the texts in `keep`, the others forgotten. */
  #contents(keep: ReadonlySet<string>): Uint8Array {
    for (const fingerprint of this.#units.keys()) if (!keep.has(fingerprint)) this.#units.delete(fingerprint);
    return encodeTextUnits(this.#units);
  }
}
