import type { DocumentMetadata } from '../../shared/model/document';
import { decodeText } from './decode-text';
import { capTitle, titleFromFileName } from './title';

export interface ExtractedText {
  text: string;
  metadata: DocumentMetadata;
}

// Scraped articles often begin with the alt text or caption of an image, or a video player's
// placeholder, before the headline.
const JUNK_LINES: readonly RegExp[] = [
  /^(\S+\s+){0,2}logo$/i,
  /^image (copyright|caption|rights|source)\b/i,
  /^media (caption|signature)/i,
  /^media playback is (not supported|unsupported) on your device$/i,
  /^(getty images|reuters|pa media|afp)$/i,
];

/**
 * Text and title of a `.txt` or Markdown file. The text is the file's own, so annotation offsets
 * index the file as the researcher sees it in any editor; for Markdown that includes its markup.
 */
export function extractPlain(fileName: string, bytes: Uint8Array, markdown: boolean): ExtractedText {
  const { text, encoding } = decodeText(bytes);
  const title = (markdown ? markdownTitle(text) : firstLineTitle(text)) || titleFromFileName(fileName);
  return { text, metadata: { title: capTitle(title), encoding } };
}

function firstLineTitle(text: string): string {
  const lines = meaningfulLines(text);
  return lines.find((line) => !JUNK_LINES.some((junk) => junk.test(line))) ?? lines[0] ?? '';
}

function markdownTitle(text: string): string {
  const frontMatter = /^---\n([\s\S]*?)\n(?:---|\.\.\.)(?:\n|$)/.exec(text);
  const declared = frontMatter?.[1] && /^title:\s*(.+)$/m.exec(frontMatter[1])?.[1];
  if (declared) return declared.trim().replace(/^(["'])(.*)\1$/, '$2');
  const body = frontMatter ? text.slice(frontMatter[0].length) : text;
  // An ATX heading marker, with its optional closing hashes, is markup and not part of the title.
  return firstLineTitle(body)
    .replace(/^#{1,6}\s+/, '')
    .replace(/\s+#+$/, '');
}

// The title is near the top; splitting a whole book into lines to find it would be waste.
const TITLE_SEARCH_CHARS = 64 * 1024;

function meaningfulLines(text: string): string[] {
  return text
    .slice(0, TITLE_SEARCH_CHARS)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
