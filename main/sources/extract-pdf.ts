import { join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import type { DocumentMetadata } from '../../shared/model/document';
import { loadPdfjs, pdfjsFolder } from './load-pdfjs';
import { layOutPdfText, type PdfPageRuns, type PdfTextRun } from './pdf-text-layout';
import { capTitle, titleFromFileName } from './title';

export interface ExtractedPdf {
  text: string;
  metadata: DocumentMetadata;
}

/** What the researcher can do about a PDF Gloss cannot read, by pdfjs's exception name. */
const REFUSALS: Readonly<Record<string, string>> = {
  PasswordException:
    'the PDF is protected by a password, and Gloss does not open protected files: save an unprotected copy to annotate it',
  InvalidPDFException: 'not a valid PDF file (it may be damaged, or only partly downloaded)',
};

// Titles some producers write in place of one: "Microsoft Word - report.docx", "untitled", or
// the name or address of the file printed (Chromium, for a page without a <title>).
const PLACEHOLDER_TITLE =
  /^(\s*|untitled|document\d*|microsoft word - .*|.*\.(html?|docx?|odt|rtf|txt|pdf)|[a-z]+:\/\/\S*)$/i;

/**
 * The text of a PDF's text layer in reading order with its page boundaries (pdf-text-layout.ts),
 * and its title, author and language from the document information. PDFs are untrusted: pdfjs
 * runs no script of theirs, compiles no font code (isEvalSupported off) and renders nothing here;
 * fonts are not loaded into anything, since only their text is wanted.
 */
export async function extractPdf(fileName: string, bytes: Uint8Array): Promise<ExtractedPdf> {
  const { getDocument, VerbosityLevel } = loadPdfjs();
  const task = getDocument({
    // pdfjs may transfer the buffer it is given; the caller's stays whole.
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    // Character maps for fonts in a predefined CJK encoding, and the standard 14 fonts' metrics:
    // files of pdfjs-dist, read from the disk when a PDF needs them.
    cMapUrl: `${join(pdfjsFolder(), 'cmaps')}/`,
    standardFontDataUrl: `${join(pdfjsFolder(), 'standard_fonts')}/`,
    // A password prompt would wait forever: a protected file is refused instead.
    password: '',
  });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const refusal = REFUSALS[(error as Error).name];
    throw refusal ? new Error(refusal) : new Error(`could not be read as a PDF: ${(error as Error).message}`);
  }
  try {
    const pages = await readPages(pdf);
    const info = await pdf.getMetadata().catch(() => undefined);
    const fields = (info?.info ?? {}) as { Title?: unknown; Author?: unknown; Language?: unknown };
    // The document information's title, else the XMP metadata's (some producers write only that).
    const declared = [fields.Title, info?.metadata?.get('dc:title')]
      .map((title) => (typeof title === 'string' ? title.trim() : ''))
      .find((title) => !PLACEHOLDER_TITLE.test(title));
    const laidOut = layOutPdfText(pages, declared);
    if (laidOut.text === '') {
      throw new Error(
        pdf.numPages === 0
          ? 'the PDF has no pages'
          : 'the PDF has no text layer, only images of its pages (a scan?): make it searchable with OCR (e.g. ocrmypdf) to annotate it',
      );
    }
    const title = declared ?? laidOut.heading ?? titleFromFileName(fileName);
    const metadata: DocumentMetadata = {
      title: capTitle(title),
      encoding: 'PDF',
      pages: laidOut.pages,
    };
    if (typeof fields.Author === 'string' && fields.Author.trim()) metadata.byline = fields.Author.trim();
    if (typeof fields.Language === 'string' && fields.Language.trim()) metadata.lang = fields.Language.trim();
    return { text: laidOut.text, metadata };
  } finally {
    await pdf.destroy();
  }
}

async function readPages(pdf: PDFDocumentProxy): Promise<PdfPageRuns[]> {
  const labels = await pdf.getPageLabels().catch(() => null);
  const pages: PdfPageRuns[] = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    const runs: PdfTextRun[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [a, b, , , x, y] = item.transform as number[];
      runs.push({
        text: item.str,
        x: x!,
        y: y!,
        width: item.width,
        fontSize: item.height || Math.hypot(a!, b!),
      });
    }
    // Fonts and operator lists of a page are kept by pdfjs until cleaned up; a long report would hold them all.
    page.cleanup();
    const label = labels?.[number - 1];
    const [, bottom, , top] = page.view;
    pages.push({
      number,
      runs,
      bounds: { bottom: bottom!, top: top! },
      ...(label && label !== String(number) && { label }),
    });
  }
  return pages;
}
