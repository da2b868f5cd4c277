import { writeFileAtomic } from './atomic-write';

/** How long after a change a cache file is written, so a burst of changes is one write. */
const WRITE_AFTER_MS = 1_000;

/**
 * Writes a derived file under .gloss/cache/ a moment after it last changed, never when there is
 * no file or the project is open read-only. Derived data: a failed write only means working it
 * out again after the next start, so failures are not reported.
 */
export class LaterWrite {
  #timer: NodeJS.Timeout | undefined;
  #contents: (() => Uint8Array) | undefined;
  #written: Promise<void> = Promise.resolve();

  constructor(private readonly target: { file?: string; readOnly?: boolean }) {}

  /** Writes what `contents` makes then, a moment from now (a later call's contents win). */
  soon(contents: () => Uint8Array): void {
    if (!this.target.file || this.target.readOnly) return;
    this.#contents = contents;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#write(), WRITE_AFTER_MS);
    this.#timer.unref();
  }

  /** Writes at once what is waiting; resolves when nothing is being written. */
  flush(): Promise<void> {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#write();
    }
    return this.#written;
  }

  #write(): void {
    this.#timer = undefined;
    const contents = this.#contents!;
    this.#contents = undefined;
    const file = this.target.file!;
    this.#written = this.#written.then(() =>
      writeFileAtomic(file, contents(), { durable: false }).catch(() => {}),
    );
  }
}
