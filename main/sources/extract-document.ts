import path from 'node:path';
import type { DocumentMetadata, SourceFormat } from '../../shared/model/document';
import { extractHtml } from './extract-html';
import { extractPlain } from './extract-plain';

export interface ExtractedDocument {
  format: SourceFormat;
  /** Plain text with "\n" line endings; annotation offsets index into it. */
  text: string;
  metadata: DocumentMetadata;
}

const FORMATS: Readonly<Record<string, SourceFormat>> = {
  '.txt': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
};

/** File extensions Gloss reads as documents, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/** The format of a file by its extension (in any case), or undefined when Gloss does not read it. */
export function formatOf(fileName: string): SourceFormat | undefined {
  return FORMATS[path.extname(fileName).toLowerCase()];
}

/**
 * The plain text and metadata of an article file. Throws an Error whose message says what is
 * wrong with the file; the caller adds the file's name.
 */
export function extractDocument(fileName: string, bytes: Uint8Array): ExtractedDocument {
  const format = formatOf(fileName);
  if (!format) {
    const ext = path.extname(fileName);
    throw new Error(
      `not a document Gloss can read: it reads ${SUPPORTED_EXTENSIONS.join(', ')} files, and this one ${ext ? `ends in "${ext}"` : 'has no extension'}`,
    );
  }
  const { text, metadata } =
    format === 'html' ? extractHtml(fileName, bytes) : extractPlain(fileName, bytes, format === 'md');
  return { format, text, metadata };
}
