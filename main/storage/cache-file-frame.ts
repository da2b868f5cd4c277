/**
 * The frame of Gloss's binary cache files under .gloss/cache/: four letters naming the kind of
 * file, a format version byte, the length of a JSON header as a 4-byte little-endian integer,
 * the header, then the body. A file of another kind or version is not read at all.
 */
export function frameCacheFile(
  magic: string,
  version: number,
  header: unknown,
  body: Uint8Array,
): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(9 + json.length + body.length);
  out.set(new TextEncoder().encode(magic), 0);
  out[4] = version;
  new DataView(out.buffer).setUint32(5, json.length, true);
  out.set(json, 9);
  out.set(body, 9 + json.length);
  return out;
}

/** The header and body of a file framed by frameCacheFile, or undefined if it is not one of this kind and version. */
export function unframeCacheFile(
  bytes: Uint8Array,
  magic: string,
  version: number,
): { header: unknown; body: Uint8Array } | undefined {
  if (bytes.length < 9 || new TextDecoder().decode(bytes.subarray(0, 4)) !== magic || bytes[4] !== version) {
    return undefined;
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(5, true);
  if (9 + length > bytes.length) return undefined;
  try {
    return {
      header: JSON.parse(new TextDecoder().decode(bytes.subarray(9, 9 + length))),
      body: bytes.subarray(9 + length),
    };
  } catch {
    return undefined;
  }
}
