/**
 * The user guide in docs/ holds together: every picture a page shows is there (and has words
 * for a screen reader), every picture in docs/images/ is shown somewhere, every link between
 * pages (and to the README) leads to a file and, with a #part, to a heading of it, and the index
 * lists every chapter. The pictures themselves are taken by test/e2e/user-guide.e2e.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/corpus';

const DOCS = join(REPO, 'docs');
const IMAGES = join(DOCS, 'images');

interface Link {
  page: string;
  image: boolean;
  text: string;
  target: string;
}

/** The page's text without its fenced code blocks, where a `#` or `[x](y)` means nothing. */
function prose(path: string): string {
  return readFileSync(path, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
}

/** Every Markdown link and image of a page: `[text](target)` and `![alt](target)`. */
function linksOf(page: string): Link[] {
  return [...prose(page).matchAll(/(!?)\[([^\]]*)\]\(([^)\s]+)\)/g)].map((m) => ({
    page,
    image: m[1] === '!',
    text: m[2]!,
    target: m[3]!,
  }));
}

/** The anchors GitHub makes of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(page: string): Set<string> {
  return new Set(
    [...prose(page).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)].map((m) =>
      m[1]!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

const pages = readdirSync(DOCS)
  .filter((name) => name.endsWith('.md'))
  .map((name) => join(DOCS, name));
const links = pages.flatMap(linksOf);
const where = (link: Link) => `${relative(REPO, link.page)} → ${link.target}`;
const isLocal = (target: string) => !/^[a-z]+:/i.test(target);

describe('the user guide in docs/', () => {
  it('has an index and chapters, each with pictures or links', () => {
    expect(pages.map((page) => relative(DOCS, page))).toContain('README.md');
    expect(pages.length).toBeGreaterThan(5);
    expect(links.filter((link) => link.image).length).toBeGreaterThan(5);
  });

  it('shows only pictures that are there, each described in words', () => {
    const images = links.filter((link) => link.image);
    for (const image of images) {
      expect(isLocal(image.target), where(image)).toBe(true);
      expect(existsSync(resolve(dirname(image.page), image.target)), where(image)).toBe(true);
      expect(image.text.trim().length, `${where(image)} has no alt text`).toBeGreaterThan(20);
    }
  });

  it('shows every picture in docs/images/ somewhere', () => {
    const shown = new Set(
      links.filter((link) => link.image).map((link) => resolve(dirname(link.page), link.target)),
    );
    const files = readdirSync(IMAGES).filter((name) => name.endsWith('.png'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(shown.has(join(IMAGES, file)), `docs/images/${file} is shown nowhere`).toBe(true);
  });

  it('links only to files that are there, and to headings they have', () => {
    for (const link of links.filter((link) => !link.image && isLocal(link.target))) {
      const [path, anchor] = link.target.split('#') as [string, string | undefined];
      const file = path === '' ? link.page : resolve(dirname(link.page), path);
      expect(existsSync(file), where(link)).toBe(true);
      if (anchor !== undefined && file.endsWith('.md')) {
        expect(anchorsOf(file).has(anchor), `${where(link)}: no such heading`).toBe(true);
      }
    }
  });

  it('lists every chapter in its index', () => {
    const listed = new Set(
      linksOf(join(DOCS, 'README.md'))
        .filter((link) => !link.image && isLocal(link.target))
        .map((link) => resolve(DOCS, link.target.split('#')[0]!)),
    );
    for (const page of pages.filter((page) => !page.endsWith('README.md'))) {
      expect(listed.has(page), `${relative(REPO, page)} is not in docs/README.md`).toBe(true);
    }
  });
});
