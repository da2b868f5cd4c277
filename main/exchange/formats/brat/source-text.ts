import { codePointToUtf16 } from '../../../../shared/text/offsets';

/**
 * A .txt as brat counts it and as Gloss will keep it. brat (Python) reads the file as UTF-8 and
 * counts code points over every character, a byte-order mark and each `\r` of `\r\n` included;
 * Gloss keeps the text without the mark and with `\n` line endings, as it reads articles. This
 * turns brat's code-point offsets into UTF-16 offsets of the raw text (to check quotes) and of
 * the kept text (for the plan).
 */
export class SourceText {
  readonly raw: string;
  readonly text: string;
  /** Code points in the raw text: the largest offset brat can state. */
  readonly codePoints: number;
  /** For each raw UTF-16 index, how many characters before it Gloss drops. */
  private readonly dropped: Int32Array;

  constructor(raw: string) {
    this.raw = raw;
    this.codePoints = [...raw].length;
    this.dropped = new Int32Array(raw.length + 1);
    let dropped = 0;
    for (let i = 0; i < raw.length; i++) {
      this.dropped[i] = dropped;
      if ((i === 0 && raw[i] === '\ufeff') || (raw[i] === '\r' && raw[i + 1] === '\n')) dropped++;
    }
    this.dropped[raw.length] = dropped;
    this.text = raw.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  }

  /** UTF-16 offset into the raw text of a code-point offset. */
  rawOffset(codePoint: number): number {
    return codePointToUtf16(this.raw, codePoint);
  }

  /** UTF-16 offset into the kept text of a raw UTF-16 offset. */
  keptOffset(rawOffset: number): number {
    return rawOffset - this.dropped[rawOffset]!;
  }
}
