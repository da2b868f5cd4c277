/**
 * The user guide in docs/ holds together: every picture a page shows is there (and has words
 * for a screen reader), every picture in docs/images/ is shown somewhere, every link between
 * pages (and to the README) leads to a file and, with a #part, to a heading of it, and the index
 * lists every chapter. The pictures themselves are taken by test/e2e/user-guide.e2e.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../renderer/src/keyboard/shortcuts';
import { REPO } from './support/corpus';

const DOCS = join(REPO, 'docs');
/**
 * Shortcuts of screens the guide does not teach yet: the Settings dialog's chapter is still to
 * be written, and its shortcut joins the guide with it.
 */
const NOT_IN_THE_GUIDE_YET = new Set<string>();
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

  it('lists every keyboard shortcut of the app, with its keys, as the app defines them', () => {
    // Cells trimmed: the formatter pads the columns.
    const rows = readFileSync(join(DOCS, 'keyboard-shortcuts.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map(
        (line) =>
          `| ${line
            .split('|')
            .slice(1, -1)
            .map((cell) => cell.trim())
            .join(' | ')} |`,
      );
    const chord = (key: string) =>
      `\`${key.replace('Mod', 'Ctrl/Cmd').replace('ArrowLeft', '←').replace('ArrowRight', '→')}\``;
    for (const shortcut of SHORTCUTS.filter((s) => !NOT_IN_THE_GUIDE_YET.has(s.description))) {
      const keys = shortcut.keyLabel ?? shortcut.keys.map(chord).join(' or ');
      expect(rows, shortcut.description).toContain(`| ${keys} | ${shortcut.description} |`);
    }
    expect(rows.length).toBe(
      SHORTCUTS.length - NOT_IN_THE_GUIDE_YET.size + 2 * new Set(SHORTCUTS.map((s) => s.group)).size,
    );
  });
});
