import { builtinModules } from 'node:module';

/**
 * The packages a built bundle loads from node_modules at run time, as the specifiers it names:
 * `require("csv-parse/sync")`, `import("x")`, and the string a loader is called with, such as
 * `loadOnFirstUse("jsdom")`, `requireHere("compromise/two")` or
 * `createRequire(…).resolve("pdfjs-dist/package.json")`: any call of a function whose name says
 * require, import, load or resolve, with one string literal that is a bare specifier. Node's own
 * modules and Electron (which the runtime provides) are left out. A loader given a computed name
 * is not seen: Gloss's loaders are always called with the package's name written out.
 */
export function specifiersLoadedBy(bundle: string): string[] {
  const found = new Set<string>();
  for (const [, callee, , specifier] of bundle.matchAll(
    /([A-Za-z_$][\w$]*)\s*\(\s*(["'`])([^"'`\s]+)\2\s*\)/g,
  )) {
    if (!callee || !specifier || !/require|import|load|resolve/i.test(callee)) continue;
    if (/^[./]/.test(specifier) || specifier.startsWith('node:')) continue;
    if (builtinModules.includes(specifier) || specifier === 'electron') continue;
    found.add(specifier);
  }
  return [...found].sort();
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageOf(specifier: string): string {
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}
