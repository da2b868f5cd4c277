import path from 'node:path';
import type { DocumentMetadata, SourceFormat } from '../../shared/model/document';
import { extractDocx } from './extract-docx';
import { extractHtml } from './extract-html';
import { extractPdf } from './extract-pdf';
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
  '.pdf': 'pdf',
  '.docx': 'docx',
};

/** File extensions Gloss reads as documents, lower case with the dot. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS);

/**
 * The owner file Word keeps beside a document while it is open ("~$port.docx" for "report.docx"),
 * hidden on Windows but not elsewhere: not an article, nor worth listing as skipped.
 */
export function isOfficeOwnerFile(fileName: string): boolean {
  return path.basename(fileName).startsWith('~$');
}

/** The format of a file by its extension (in any case), or undefined when Gloss does not read it. */
export function formatOf(fileName: string): SourceFormat | undefined {
  return FORMATS[path.extname(fileName).toLowerCase()];
}

/**
 * Whether the format's text is made from the file rather than being the file's own, so is kept
 * under .gloss/cache/text/ to spare extracting it again (HTML, PDF and Word files).
 */
export function isExtractedFormat(format: SourceFormat): boolean {
  return format !== 'txt' && format !== 'md';
}

/**
 * The plain text and metadata of an article file. Rejects with an Error whose message says what
 * is wrong with the file; the caller adds the file's name. Text and HTML are read synchronously
 * within the call; PDF and Word files take their libraries' asynchronous steps.
 */
export async function extractDocument(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  const format = formatOf(fileName);
  if (!format) {
    const ext = path.extname(fileName);
    throw new Error(
      `not a document Gloss can read: it reads ${SUPPORTED_EXTENSIONS.join(', ')} files, and this one ${ext ? `ends in "${ext}"` : 'has no extension'}`,
    );
  }
  const { text, metadata } =
    format === 'pdf'
      ? await extractPdf(fileName, bytes)
      : format === 'docx'
        ? await extractDocx(fileName, bytes)
        : format === 'html'
          ? extractHtml(fileName, bytes)
          : extractPlain(fileName, bytes, format === 'md');
  return { format, text, metadata };
}
