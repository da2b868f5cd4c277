import path from 'node:path';
import type { DocumentMetadata } from '../../shared/model/document';
import { type DecodedText, decodeText } from './decode-text';
import type { ExtractedText } from './extract-plain';
import { declaredHtmlCharset } from './html-charset';
import { nestingDepth } from './html-nesting';
import { htmlToText } from './html-to-text';
import { loadOnFirstUse } from './load-on-first-use';
import { capTitle, titleFromFileName } from './title';

// jsdom takes about a second to load, Readability a moment; folders of plain text never need them.
const loadJsdom = loadOnFirstUse<typeof import('jsdom')>('jsdom');
const loadReadability = loadOnFirstUse<typeof import('@mozilla/readability')>('@mozilla/readability');

type ArticleField = 'byline' | 'siteName' | 'publishedTime' | 'excerpt' | 'lang';
const ARTICLE_FIELDS: readonly ArticleField[] = ['byline', 'siteName', 'publishedTime', 'excerpt', 'lang'];

type PageMetadata = Omit<DocumentMetadata, 'encoding'>;

// Readability's cleaning slows worse than quadratically with nesting depth: malformed HTML whose unclosed tags
// nest 1,000 levels deep would take it minutes. Real articles nest less than 50 levels deep.
const MAX_ARTICLE_DEPTH = 200;
// jsdom's time grows faster than the square of the depth (3,000 levels take seconds, 20,000 over a
// minute) and its recursion runs out of stack at about 5,000, wherever that limit lies in the
// runtime; Chromium's parser stops nesting at 512. Deeper pages are refused before jsdom sees them.
export const MAX_NESTING_DEPTH = 1_000;

/**
 * The article of a saved web page as plain text, with what Readability learns about it.
 * Pages are untrusted: jsdom runs no scripts and loads no resources by default, and both stay off.
 */
export function extractHtml(fileName: string, bytes: Uint8Array): ExtractedText {
  const decoded = decodeText(bytes, declaredHtmlCharset(bytes));
  const depth = nestingDepth(decoded.text);
  if (depth > MAX_NESTING_DEPTH) {
    throw new Error(
      `the page nests its elements ${depth.toLocaleString('en')} levels deep, and Gloss reads pages nested up to ${MAX_NESTING_DEPTH.toLocaleString('en')} levels: its HTML is probably malformed`,
    );
  }
  try {
    return extractDecoded(fileName, decoded);
  } catch (error) {
    // jsdom walks the tree recursively; tens of thousands of nested elements exhaust the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new Error('the page nests its elements too deeply to read: its HTML is probably malformed');
    }
    throw error;
  }
}

function extractDecoded(fileName: string, { text: html, encoding }: DecodedText): ExtractedText {
  const { Readability } = loadReadability();
  const article = withDocument(fileName, html, (document) => {
    const page = { title: document.title, lang: document.documentElement.lang };
    const found =
      depthOf(document) <= MAX_ARTICLE_DEPTH
        ? new Readability<Node>(document, { serializer: (node) => node }).parse()
        : null;
    return {
      text: found?.content ? htmlToText(found.content) : '',
      metadata: metadataOf(found ?? page),
    };
  });
  // Readability finds no article in a page with too little text, and has stripped the document by
  // then; the whole page's visible text, parsed afresh, is still worth annotating.
  const text =
    article.text ||
    withDocument(fileName, html, (document) => (document.body ? htmlToText(document.body) : ''));
  const title = capTitle(article.metadata.title || titleFromFileName(fileName));
  return { text, metadata: { ...article.metadata, title, encoding } };
}

function metadataOf(found: { [field in keyof PageMetadata]?: string | null }): PageMetadata {
  const metadata: PageMetadata = { title: found.title?.trim() ?? '' };
  for (const field of ARTICLE_FIELDS) {
    const value = found[field]?.trim();
    if (value) metadata[field] = value;
  }
  return metadata;
}

function depthOf(document: Document): number {
  let deepest = 0;
  let depth = 0;
  let node: Node | null = document;
  while (node) {
    if (node.firstChild) {
      node = node.firstChild;
      deepest = Math.max(deepest, ++depth);
      continue;
    }
    while (node && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node?.nextSibling ?? null;
  }
  return deepest;
}

/** Parses `html` in a throwaway jsdom window (no scripts, no resources) and hands `use` its document. */
export function withDocument<T>(fileName: string, html: string, use: (document: Document) => T): T {
  // A window per page: a jsdom window keeps every document parsed in it reachable (through its
  // named-element tracking and selector-engine listeners), so a shared one would leak them all.
  const { JSDOM, VirtualConsole } = loadJsdom();
  const { window } = new JSDOM('', {
    // Readability resolves relative links against it; a file URL names the page without a network.
    url: new URL(encodeURIComponent(path.basename(fileName)), 'file:///').href,
    // A silent console: jsdom would otherwise print every stylesheet it cannot parse.
    virtualConsole: new VirtualConsole(),
  });
  // A DOMParser document has no browsing context: scripting is disabled by specification, and its
  // iframes get no windows of their own, which makes ad-laden pages parse twice as fast.
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  try {
    return use(document);
  } finally {
    // The window stays reachable from its pending load events until the event loop turns; emptying
    // the document keeps a caller extracting many pages in one synchronous loop from holding them all.
    document.replaceChildren();
    window.close();
  }
}
