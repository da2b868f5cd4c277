import { baseName, type QdpxArchive } from './archive';

/**
 * The archive entry a `plainTextPath` points to. `internal://x.txt` is `sources/x.txt`; a relative
 * path is tried as given and under sources/; an absolute path (another computer's disk, or a
 * `basePath` outside the archive) falls back to the one entry of that file name, if there is one.
 */
export function entryForPath(archive: QdpxArchive, plainTextPath: string): string | undefined {
  let path = plainTextPath.trim();
  try {
    path = decodeURI(path);
  } catch {
    // Not percent-encoded after all: keep it as written.
  }
  const internal = /^internal:\/\/(.*)$/i.exec(path);
  if (internal) {
    const name = internal[1]!;
    return (
      archive.find(`sources/${name}`) ?? archive.find(name) ?? onlyOne(archive.findByBaseName(baseName(name)))
    );
  }
  const absolute = /^([a-z][a-z0-9+.-]*:|[/\\])/i.test(path);
  if (!absolute) {
    const relative = path.replace(/\\/g, '/');
    const found = archive.find(relative) ?? archive.find(`sources/${relative}`);
    if (found) return found;
  }
  return onlyOne(archive.findByBaseName(baseName(path)));
}

function onlyOne(paths: string[]): string | undefined {
  return paths.length === 1 ? paths[0] : undefined;
}

export type DecodedText = { ok: true; text: string } | { ok: false; message: string };

/** An entry's text: UTF-8 as the standard requires (a byte-order mark is dropped). */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'is not UTF-8 text, as REFI-QDA sources must be' };
  }
}
