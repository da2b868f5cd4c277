// shared/ is loaded by main (Node), the renderer (a browser page) and the Electron preload, so it
// may use neither Node, nor the DOM, nor Electron. The checker is shown to catch each of those on
// a folder of bad files, then run on the real shared/.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../support/corpus';
import { checkPurity, type PurityProblem } from '../support/shared-purity';

const BAD_FILES: Record<string, string> = {
  'reads-disk.ts': [
    "import { readFileSync } from 'node:fs';",
    "import { join } from 'path';",
    'export const here = join(__dirname, String(readFileSync));',
    "export const size = Buffer.byteLength('x') + process.pid;",
    "export const os = require('os');",
  ].join('\n'),
  'draws.ts': [
    'export function title(): string {',
    '  return document.title;',
    '}',
    "export const saved = globalThis.localStorage.getItem('x');",
    'export const id = (element: HTMLElement) => element.id;',
    'export const width = window.innerWidth;',
  ].join('\n'),
  'shell.ts': [
    "import { app } from 'electron';",
    "import { Writer } from 'steno';",
    "import { layout } from '../main/project/layout';",
    'export const all = [app, Writer, layout];',
  ].join('\n'),
  // Near misses that are portable: a local named `window`, a DOM-like word in a comment, and the
  // web-platform globals every host has.
  'fine.ts': [
    'type Window = { from: number; to: number };',
    'export const width = (window: Window) => window.to - window.from; // not document.title',
    "export const text = new TextDecoder('utf-16le').decode(new TextEncoder().encode('é'));",
  ].join('\n'),
};

describe('checkPurity on a folder of files that use Node, the DOM and Electron', () => {
  let folder: string;
  let problems: PurityProblem[];
  const at = (file: string, line: number) =>
    problems.filter((p) => p.file === `shared/${file}` && p.line === line);

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'gloss-purity-'));
    await mkdir(join(folder, 'shared'));
    for (const [name, text] of Object.entries(BAD_FILES)) await writeFile(join(folder, 'shared', name), text);
    problems = await checkPurity({ root: join(folder, 'shared'), packagesFrom: REPO });
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('reports Node modules by import, and Node globals by the compiler, at their lines', () => {
    expect(at('reads-disk.ts', 1).map((p) => p.message)).toContain('imports node:fs, a Node built-in module');
    expect(at('reads-disk.ts', 2).map((p) => p.message)).toContain('imports path, a Node built-in module');
    expect(
      at('reads-disk.ts', 3)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/Cannot find name '__dirname'/);
    expect(
      at('reads-disk.ts', 4)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/Cannot find name 'Buffer'/);
    expect(
      at('reads-disk.ts', 4)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/Cannot find name 'process'/);
    expect(at('reads-disk.ts', 5).map((p) => p.message)).toContain('imports os, a Node built-in module');
    expect(
      at('reads-disk.ts', 5)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(/Cannot find name 'require'/);
  });

  it('reports DOM names, also reached through globalThis or used only as a type', () => {
    expect(at('draws.ts', 2).map((p) => p.message)).toContain(
      'uses document, which exists only in the browser (the DOM)',
    );
    expect(at('draws.ts', 4).map((p) => p.message)).toContain(
      'uses localStorage, which exists only in the browser (the DOM)',
    );
    expect(at('draws.ts', 5).map((p) => p.message)).toContain(
      'uses HTMLElement, which exists only in the browser (the DOM)',
    );
    expect(at('draws.ts', 6).map((p) => p.message)).toContain(
      'uses window, which exists only in the browser (the DOM)',
    );
  });

  it('reports Electron, a package not known to be portable, and a reach outside the folder', () => {
    expect(at('shell.ts', 1).map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^imports electron: Electron exists only/),
    );
    expect(at('shell.ts', 2).map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^imports the package steno, not known/),
    );
    expect(at('shell.ts', 3).map((p) => p.message)).toContain(
      'imports ../main/project/layout, outside shared/ (code there may use Node or the DOM)',
    );
  });

  it('leaves a local named window and the portable web globals alone', () => {
    expect(problems.filter((p) => p.file === 'shared/fine.ts')).toEqual([]);
  });

  // A second type-check of the folder: seconds, more on a busy machine.
  it('finds a listed package out when it needs Node, by bundling it for the browser', async () => {
    const listed = await checkPurity({
      root: join(folder, 'shared'),
      packagesFrom: REPO,
      portablePackages: ['steno'],
    });
    const steno = listed.filter((p) => p.file === 'shared/shell.ts' && p.line === 2).map((p) => p.message);
    expect(steno).toContainEqual(
      expect.stringMatching(/^imports the package steno, which does not build for the browser: .*node:fs/),
    );
  }, 180_000);
});

describe('shared/', () => {
  // Type-checking shared/ with zod's types takes seconds alone, more on a busy machine.
  it('uses no Node, no DOM, no Electron, and only portable packages', async () => {
    const problems = await checkPurity({ root: join(REPO, 'shared'), packagesFrom: REPO });
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  }, 180_000);
});
