import type { GlossClient } from '../../shared/api-client';
import { utf16ToCodePoints } from '../../shared/text/offsets';

/**
 * Turns UTF-16 offsets (Gloss's own) into code points (what Python and the JSONL export count),
 * reading each document's text once, for commands that print passages from many documents.
 */
export function codePointOffsets(api: GlossClient) {
  const texts = new Map<string, Promise<string>>();
  return async (key: string, start: number, end: number): Promise<{ start: number; end: number }> => {
    let text = texts.get(key);
    if (text === undefined) {
      text = api.getDocument({ key }).then((document) => document.text);
      texts.set(key, text);
    }
    const [from, to] = utf16ToCodePoints(await text, [start, end]);
    return { start: from!, end: to! };
  };
}
