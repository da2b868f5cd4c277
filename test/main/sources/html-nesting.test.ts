import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from '../../../main/sources/html-nesting';
import { CORPUS } from '../../support/corpus';

describe('nestingDepth', () => {
  it('counts elements inside elements', () => {
    expect(nestingDepth('plain text, no tags')).toBe(0);
    expect(nestingDepth('<div><section><span>deep</span></section></div><div>shallow</div>')).toBe(3);
    expect(nestingDepth(`${'<div>'.repeat(100_000)}deep`)).toBe(100_000);
  });

  it('lets an end tag close everything opened since its start tag, and ignores stray ones', () => {
    expect(nestingDepth('<div><span><b>unclosed</div><div>next</div>')).toBe(3);
    expect(nestingDepth(`${'</span>'.repeat(1_000)}<div>text</div>`)).toBe(1);
  });

  it('does not count elements that have no children or close themselves', () => {
    expect(nestingDepth(`<div>${'<br><img src="x"><hr>'.repeat(1_000)}</div>`)).toBe(1);
    expect(nestingDepth(`<svg>${'<path d="M0 0"/>'.repeat(1_000)}</svg>`)).toBe(1);
    expect(nestingDepth(`${'<a href="#">link '.repeat(1_000)}`)).toBe(1);
  });

  it('closes a paragraph, list item or cell left open when the next begins, with what it holds', () => {
    // Sloppy pages leave these open by the thousand; the parser nests none of them.
    expect(nestingDepth(`<div>${'<p><span>para'.repeat(1_000)}</div>`)).toBe(3);
    expect(nestingDepth(`<p><b>para<div>block</div>`)).toBe(2);
    expect(nestingDepth(`<ul>${'<li><font size=2>item'.repeat(1_000)}</ul>`)).toBe(3);
    expect(nestingDepth(`<table>${'<tr><td><b>cell<td>cell'.repeat(1_000)}</table>`)).toBe(4);
    // Nested lists do nest.
    expect(nestingDepth('<ul><li>a<ul><li>b</li></ul></li></ul>')).toBeLessThanOrEqual(4);
  });

  it('reads no tags inside comments, scripts, styles or quoted attribute values', () => {
    const tags = '<div>'.repeat(1_000);
    expect(nestingDepth(`<!-- ${tags} --><div></div>`)).toBe(1);
    expect(nestingDepth(`<script>let s = "${tags}";</script><div></div>`)).toBe(1);
    expect(nestingDepth(`<STYLE>/* ${tags} */</style ><div></div>`)).toBe(1);
    expect(nestingDepth(`<div title="a > ${tags}" data-x='${tags}'></div>`)).toBe(1);
  });

  it('errs low on saved pages of the corpus, which all nest far less than 1,000 levels', () => {
    const pages = path.join(CORPUS, 'html-pages');
    const parser = new new JSDOM('').window.DOMParser();
    // Parsing every page again would take the file from one second to ten; every fourth will do.
    fs.readdirSync(pages)
      .sort()
      .forEach((page, index) => {
        const html = fs.readFileSync(path.join(pages, page, 'source.html'), 'utf8');
        const estimate = nestingDepth(html);
        expect(estimate, page).toBeLessThan(100);
        if (index % 4 === 0) {
          expect(estimate, page).toBeLessThanOrEqual(
            domDepth(parser.parseFromString(html, 'text/html').body),
          );
        }
      });
  });
});

/** Depth of the element tree below `root` as the HTML parser built it, `root` not counted. */
function domDepth(root: Element): number {
  let deepest = 0;
  for (const child of root.children) deepest = Math.max(deepest, 1 + domDepth(child));
  return deepest;
}
