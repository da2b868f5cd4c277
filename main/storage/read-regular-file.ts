import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

// Non-blocking, so that a file swapped for a named pipe since it was listed cannot hang the process.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The file as it was when read, from the handle it was read through. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export interface FileBytes {
  bytes: Buffer;
  stamp: ReadStamp;
}

/**
 * Reads a whole regular file: one open, one fstat, the reads, one close (fs.readFile stats the
 * file again); anything else (a folder, a pipe, a device) is refused with "not a regular file".
 * Bytes appended after the fstat are left for the next read, which sees a new size and time.
 */
export function readRegularFileSync(path: string): FileBytes {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const info = regularFile(fstatSync(fd));
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < bytes.length) {
      const read = readSync(fd, bytes, length, bytes.length - length, length);
      if (read === 0) break;
      length += read;
    }
    return { bytes: bytes.subarray(0, length), stamp: stampOf(info) };
  } finally {
    closeSync(fd);
  }
}

/** readRegularFileSync without holding the event loop, for a slow disk or a large file. */
export async function readRegularFile(path: string): Promise<FileBytes> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const info = regularFile(await handle.stat());
    const bytes = Buffer.allocUnsafe(info.size);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: bytes.subarray(0, length), stamp: stampOf(info) };
  } finally {
    await handle.close();
  }
}

function regularFile(info: Stats): Stats {
  if (!info.isFile()) throw new Error('not a regular file');
  return info;
}

function stampOf({ size, mtimeMs, ino }: Stats): ReadStamp {
  return { size, mtimeMs, ino };
}
