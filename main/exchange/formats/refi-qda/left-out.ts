import type { ImportMapping } from '../../import-plan';

/**
 * What of a project Gloss could not take, counted by kind and reason, for the import's summary
 * ("2 <PDFSelection> lines → left out: …"): parts of a project other tools make that have no
 * place in Gloss are not problems, which would stop the import, but are not passed over in silence.
 */
export class LeftOut {
  readonly #counts = new Map<string, ImportMapping>();

  add(lines: string, became: string, count = 1): void {
    if (count === 0) return;
    const key = `${lines}\u0000${became}`;
    const entry = this.#counts.get(key);
    if (entry) entry.count += count;
    else this.#counts.set(key, { lines, count, became: `left out: ${became}` });
  }

  get mapping(): ImportMapping[] {
    return [...this.#counts.values()];
  }
}
