// Elements that never have children.
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
// Elements whose end tag may be left out: the parser closes one when another of its kind begins
// (taken here as one of the same name), and everything left open inside it with it.
const CLOSED_BY_SIBLING = new Set([
  'caption',
  'colgroup',
  'dd',
  'dt',
  'li',
  'optgroup',
  'option',
  'p',
  'rb',
  'rp',
  'rt',
  'rtc',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
]);
// Start tags that close an open paragraph.
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
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
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
]);
// Implied around every page; not counted.
const IMPLIED = new Set(['body', 'head', 'html']);
// Elements whose content is text up to their end tag, whatever tags it seems to hold.
const RAW_TEXT_END = new Map(
  ['iframe', 'noembed', 'noframes', 'script', 'style', 'textarea', 'title', 'xmp'].map((name) => [
    name,
    new RegExp(`</${name}[\\s/>]`, 'gi'),
  ]),
);
// Elements a new one of the same name closes rather than nests in.
const NOT_NESTED_IN_ITSELF = new Set(['a', 'button', 'form', 'nobr', ...CLOSED_BY_SIBLING]);

/**
 * How deeply the elements of an HTML page nest, estimated from its tags without building the tree,
 * in time linear in its length. An end tag closes everything opened since its start tag, as the
 * HTML parser does, stray end tags are ignored, and the commonest implied end tags are followed:
 * a paragraph, list item or table cell closes when the next begins, and everything inside with it.
 * Where it differs from the parser it errs low, so a page is not refused for depth it does not have:
 * it closes a list item or cell even in a nested list or table, and takes a self-closing slash at its
 * word even on elements where HTML ignores it.
 */
export function nestingDepth(html: string): number {
  const open: string[] = [];
  const openCount = new Map<string, number>();
  let deepest = 0;
  const push = (name: string) => {
    open.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    deepest = Math.max(deepest, open.length);
  };
  const close = (name: string) => {
    if (!openCount.get(name)) return;
    let popped: string | undefined;
    do {
      popped = open.pop()!;
      openCount.set(popped, openCount.get(popped)! - 1);
    } while (popped !== name);
  };

  let i = html.indexOf('<');
  while (i !== -1) {
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      if (end === -1) break;
      i = html.indexOf('<', end + 3);
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 0x2f; // "/"
    const nameStart = closing ? i + 2 : i + 1;
    // "<!doctype", "<?xml" and a lone "<" in text are no element's tags.
    if (!isAsciiLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', nameStart);
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && !isNameEnd(html.charCodeAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const end = tagEnd(html, nameEnd);
    if (end === -1) break;
    if (closing) {
      close(name);
    } else if (!VOID.has(name) && !IMPLIED.has(name) && html.charCodeAt(end - 1) !== 0x2f) {
      if (name === 'plaintext') break;
      const endTag = RAW_TEXT_END.get(name);
      if (endTag) {
        endTag.lastIndex = end + 1;
        if (!endTag.exec(html)) break;
        i = html.indexOf('<', endTag.lastIndex);
        continue;
      }
      if (CLOSES_P.has(name)) close('p');
      if (NOT_NESTED_IN_ITSELF.has(name)) close(name);
      push(name);
    }
    i = html.indexOf('<', end + 1);
  }
  return deepest;
}

/** The index of the ">" that ends a tag whose attributes start at `from`, or -1 if it never ends. */
function tagEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === 0x3e) return i; // ">"
    i++;
    if (c !== 0x3d) continue; // "=": an attribute's value follows, perhaps quoted
    while (isSpace(html.charCodeAt(i))) i++;
    const quote = html[i];
    if (quote === '"' || quote === "'") {
      const closingQuote = html.indexOf(quote, i + 1);
      if (closingQuote === -1) return -1;
      i = closingQuote + 1;
    }
  }
  return -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x2f || c === 0x3e; // "/" or ">"
}
