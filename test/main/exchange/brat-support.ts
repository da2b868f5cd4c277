import type { ExportFile } from '../../../main/exchange/dataset';

/** Export files as an import reads them: bytes by relative path. */
export function asImportFiles(files: readonly ExportFile[]): Map<string, Uint8Array> {
  return new Map(
    files.map((f) => [
      f.path,
      typeof f.content === 'string' ? new TextEncoder().encode(f.content) : f.content,
    ]),
  );
}

/** A hand-written brat folder, from text by path. */
export function folder(texts: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(texts).map(([path, text]) => [path, new TextEncoder().encode(text)]));
}
