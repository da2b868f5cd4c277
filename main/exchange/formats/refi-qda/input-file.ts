import type { ImportFiles, ImportProblem } from '../../import-plan';

/**
 * The file to import among `files`: the one ending in `extension`, or the only one whatever its
 * name (a researcher may have renamed it); else a problem saying none was found.
 */
export function inputFile(
  files: ImportFiles,
  extension: string,
): { ok: true; name: string; bytes: Uint8Array } | { ok: false; problems: ImportProblem[] } {
  const names = [...files.keys()];
  const name =
    names.find((n) => n.toLowerCase().endsWith(extension)) ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined) {
    return {
      ok: false,
      problems: [{ file: names.join(', ') || '(no files)', message: `no ${extension} file to import` }],
    };
  }
  return { ok: true, name, bytes: files.get(name)! };
}
