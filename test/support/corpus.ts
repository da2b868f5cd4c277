import { resolve } from 'node:path';

/** The shared test corpus, beside the repository (see its SOURCES.md). Used in place, never written to. */
export const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
export const REPO = resolve(import.meta.dirname, '../..');
