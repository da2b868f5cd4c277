import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { LibraryUnavailableError, loadOnFirstUse } from './load-on-first-use';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// The legacy build is the one made for Node.
const loadLibrary = loadOnFirstUse<Pdfjs>('pdfjs-dist/legacy/build/pdf.mjs');
const loadWorker = loadOnFirstUse<unknown>('pdfjs-dist/legacy/build/pdf.worker.mjs');

/**
 * pdfjs-dist, loaded on first use (most folders hold no PDF), set up to read text in this thread.
 *
 * - Its worker module runs here (pdfjs's "fake worker"), handed over through the global pdfjs
 *   documents for that, so pdfjs never imports a worker file by URL.
 * - pdfjs draws through @napi-rs/canvas, an optional package that may not be installed, and
 *   creates a DOMMatrix as it loads. Reading text draws nothing, so where the package is missing
 *   an identity matrix stands in, and pdfjs's warnings that drawing may be broken are not printed.
 */
export function loadPdfjs(): Pdfjs {
  const global = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
  global.pdfjsWorker ??= loadWorker();
  global.DOMMatrix ??= IdentityMatrix;
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (
      !(typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill)/.test(args[0]))
    ) {
      warn(...args);
    }
  };
  try {
    return loadLibrary();
  } catch (error) {
    // Node before 20.19 cannot require an ES module such as pdf.js: a fault of the setup, not of the file.
    throw new LibraryUnavailableError(
      `Gloss cannot read PDFs on this computer: pdf.js did not load (${(error as Error).message.split('\n')[0]}); Node.js 20.19 or later is needed`,
    );
  } finally {
    console.warn = warn;
  }
}

/** Enough of DOMMatrix for pdfjs to load; only drawing would use more. */
class IdentityMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}

let folder: string | undefined;

/** pdfjs-dist's own folder, which holds the data files some PDFs need (character maps, font metrics). */
export function pdfjsFolder(): string {
  folder ??= dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return folder;
}
