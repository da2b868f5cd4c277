import path from 'node:path';

/** Titles label rows of the document list; past this length they stop helping anyone find a document. */
export const MAX_TITLE_LENGTH = 200;

/** The title trimmed and, when too long, cut at a word boundary with an ellipsis. */
export function capTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed.length <= MAX_TITLE_LENGTH) return trimmed;
  let cut = trimmed.lastIndexOf(' ', MAX_TITLE_LENGTH - 1);
  if (cut < MAX_TITLE_LENGTH / 2) cut = MAX_TITLE_LENGTH - 1;
  // Never leave half of a surrogate pair (an emoji) at the end.
  const code = trimmed.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${trimmed.slice(0, cut).trimEnd()}…`;
}

/** The title of a document that states none: its file name without the extension. */
export function titleFromFileName(fileName: string): string {
  return path.basename(fileName, path.extname(fileName));
}
