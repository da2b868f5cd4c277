import type { DocumentMetadata } from '../../shared/model/document';
import { withDocument } from './extract-html';
import { htmlToText } from './html-to-text';
import { loadOnFirstUse } from './load-on-first-use';
import { capTitle, titleFromFileName } from './title';

const loadMammoth = loadOnFirstUse<typeof import('mammoth')>('mammoth');
// Only Word files need it: listing a folder of text (gloss info) never loads it.
const loadFflate = loadOnFirstUse<typeof import('fflate')>('fflate');

export interface ExtractedDocx {
  text: string;
  metadata: DocumentMetadata;
}

// mammoth's default style map knows headings, lists and notes; a document's title and subtitle
// paragraphs become headings too, so that they are found as the first heading.
const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => h2.subtitle:fresh",
];

/**
 * The text of a Word (.docx) file through mammoth: paragraphs and headings separated by a blank
 * line, list items each a paragraph with its bullet or number, footnote and endnote references as
 * mammoth marks them ("[1]") and the notes at the end, each after its mark. The title is the one
 * in the document's properties, else its first title or heading paragraph. Images are not read.
 */
export async function extractDocx(fileName: string, bytes: Uint8Array): Promise<ExtractedDocx> {
  const declaredTitle = checkedPropertiesTitle(bytes);
  const mammoth = loadMammoth();
  let html: string;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // A .docx may link to files elsewhere on the computer; they are not for a project to read.
        externalFileAccess: false,
      },
    );
    html = converted.value;
  } catch (error) {
    throw new Error(`could not be read as a Word document: ${(error as Error).message}`);
  }
  const { text, heading } = withDocument(fileName, html, (document) => {
    const heading = document.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.trim();
    markNotes(document);
    markListItems(document);
    unwrapCellParagraphs(document);
    return { text: document.body ? htmlToText(document.body) : '', heading };
  });
  const title = declaredTitle || heading || titleFromFileName(fileName);
  return { text, metadata: { title: capTitle(title), encoding: 'DOCX' } };
}

/**
 * Each note starts with the mark its reference carries in the text ("[1] The note."), and loses
 * mammoth's link back to the reference ("↑"), which is navigation, not text.
 */
function markNotes(document: Document): void {
  for (const reference of document.querySelectorAll<HTMLAnchorElement>(
    'a[href^="#footnote-"], a[href^="#endnote-"]',
  )) {
    const id = reference.getAttribute('href')!.slice(1);
    if (id.includes('-ref-')) {
      reference.remove();
      continue;
    }
    const note = document.getElementById(id);
    // The note's text is in paragraphs of its own; the mark goes at the start of the first.
    const start = note?.firstElementChild?.localName === 'p' ? note.firstElementChild : note;
    start?.prepend(`${reference.textContent ?? ''} `);
  }
}

/** Bullets and numbers are part of what a reader sees of a list; notes are marked already. */
function markListItems(document: Document): void {
  for (const list of document.querySelectorAll('ul, ol')) {
    let number = Number(list.getAttribute('start') ?? 1);
    for (const item of list.children) {
      if (item.localName !== 'li' || /^(foot|end)note-/.test(item.id)) continue;
      item.prepend(list.localName === 'ol' ? `${number++}. ` : '• ');
    }
  }
}

/**
 * Word puts every table cell's text in paragraphs of its own; as blocks they would make each cell
 * a paragraph. Unwrapped, a row reads as one paragraph with its cells separated by tabs.
 */
function unwrapCellParagraphs(document: Document): void {
  for (const paragraph of document.querySelectorAll('td > p, th > p')) {
    paragraph.replaceWith(...paragraph.childNodes, ' ');
  }
}

/**
 * The XML a Word file unpacks to (what mammoth reads; pictures it leaves packed) can be far larger
 * than the file: a zip of repeated text shrinks a thousandfold. Past this, the file is damaged or
 * made to exhaust memory; a real document's XML is a few megabytes.
 */
const MAX_XML_BYTES = 256 * 1024 * 1024;

/**
 * The title in docProps/core.xml (what Word's File › Info shows; '' when none), after checking from
 * the zip's directory, without unpacking, that its XML is not too large to read.
 */
function checkedPropertiesTitle(bytes: Uint8Array): string {
  let xmlBytes = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = loadFflate().unzipSync(bytes, {
      filter: (file) => {
        if (/\.(xml|rels)$/i.test(file.name)) xmlBytes += file.originalSize;
        return file.name === 'docProps/core.xml';
      },
    });
  } catch {
    // Not a zip: mammoth says what is wrong with it.
    return '';
  }
  if (xmlBytes > MAX_XML_BYTES) {
    throw new Error(
      `the Word file unpacks to ${Math.round(xmlBytes / 1024 / 1024).toLocaleString('en')} MB of XML, more than the ${MAX_XML_BYTES / 1024 / 1024} MB Gloss reads: it is probably damaged`,
    );
  }
  const core = files['docProps/core.xml'];
  if (!core) return '';
  const title = /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(core))?.[1] ?? '';
  return decodeXmlEntities(title).trim();
}

function decodeXmlEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    if (name[0] !== '#') return named[name.toLowerCase()] ?? entity;
    const code =
      name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}
