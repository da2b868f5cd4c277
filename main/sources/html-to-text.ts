// Each of these starts and ends a paragraph; `textContent` would glue their texts together.
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

// Their text is code, styling or a fallback a reader never sees.
const SKIPPED = new Set([
  'canvas',
  'embed',
  'head',
  'iframe',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
]);

const CELLS = new Set(['td', 'th']);

// HTML's own whitespace; a no-break space is content and stays.
const HTML_WHITESPACE = /[ \t\n\f\r]+/g;

/**
 * Readable plain text of a DOM subtree: paragraphs separated by a blank line, whitespace inside a
 * paragraph collapsed to single spaces, table cells of a row separated by a tab, and `<pre>` kept
 * line by line because its line breaks are content.
 */
export function htmlToText(root: Node): string {
  const paragraphs: string[] = [];
  let cells: string[] = [''];

  const endParagraph = (): void => {
    const paragraph = cells
      .map((cell) => cell.replace(HTML_WHITESPACE, ' ').trim())
      .filter((cell) => cell !== '')
      .join('\t');
    if (paragraph !== '') paragraphs.push(paragraph);
    cells = [''];
  };
  const append = (text: string): void => {
    cells[cells.length - 1] += text;
  };

  const visit = (node: Node): void => {
    if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
      append(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE && node.nodeType !== node.DOCUMENT_NODE) return;
    const name = node.nodeType === node.ELEMENT_NODE ? (node as Element).localName : '';
    if (SKIPPED.has(name) || (node as Element).hasAttribute?.('hidden')) return;
    if (name === 'pre') {
      endParagraph();
      const pre = preformattedText(node);
      if (pre !== '') paragraphs.push(pre);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) endParagraph();
    if (CELLS.has(name)) cells.push('');
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (CELLS.has(name)) cells.push('');
    if (block) endParagraph();
  };

  visit(root);
  endParagraph();
  return paragraphs.join('\n\n');
}

function preformattedText(pre: Node): string {
  let text = '';
  const visit = (node: Node): void => {
    if (node.nodeType === node.TEXT_NODE || node.nodeType === node.CDATA_SECTION_NODE) {
      text += node.nodeValue ?? '';
    } else if (node.nodeType === node.ELEMENT_NODE) {
      const name = (node as Element).localName;
      if (name === 'br') text += '\n';
      else if (!SKIPPED.has(name)) for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
    }
  };
  visit(pre);
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
