import type { GlossClient } from '../api-client';
import { utf16ToCodePoints } from '../text/offsets';

/** A passage's UTF-16 offsets (Gloss's own) as code points, in its document's text. */
export type CodePointOffsets = (
  key: string,
  start: number,
  end: number,
) => Promise<{ start: number; end: number }>;

/**
 * Turns UTF-16 offsets into code points (what Python and the JSONL export count), reading each
 * document's text once, for the reports of the command line and the screens, which print
 * passages from many documents.
 */
export function codePointOffsets(api: Pick<GlossClient, 'getDocument'>): CodePointOffsets {
  const texts = new Map<string, Promise<string>>();
  return async (key, start, end) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = api.getDocument({ key }).then((document) => document.text);
      texts.set(key, text);
    }
    const [from, to] = utf16ToCodePoints(await text, [start, end]);
    return { start: from!, end: to! };
  };
}
