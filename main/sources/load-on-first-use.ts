import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/**
 * A package required the first time the returned function is called, not when Gloss starts: for
 * libraries that take a moment to load (jsdom, Readability, the legacy-encoding tables) and that
 * many runs never need, such as listing a folder of UTF-8 text.
 */
export function loadOnFirstUse<T>(name: string): () => T {
  let loaded: { module: T } | undefined;
  return () => {
    loaded ??= { module: requireHere(name) as T };
    return loaded.module;
  };
}

/**
 * A library a format needs could not be loaded (a missing package, a runtime too old for it):
 * what the file holds has nothing to do with it, so it is not remembered as the file's refusal.
 */
export class LibraryUnavailableError extends Error {}
