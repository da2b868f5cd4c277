import { unzipSync } from 'fflate';
import type { ImportFiles, ImportProblem } from '../../import-plan';
import { inputFile } from './input-file';

/**
 * The entries of a .qdpx, wherever they came from: the zip the researcher chose, or its files
 * already unpacked. Paths are looked up without regard to case, since tools differ ("Sources/",
 * "sources/").
 */
export class QdpxArchive {
  private readonly byPath = new Map<string, string>();

  constructor(
    /** The zip's file name, or "" when the files were given unpacked. */
    readonly label: string,
    readonly entries: ReadonlyMap<string, Uint8Array>,
  ) {
    for (const path of entries.keys()) this.byPath.set(path.toLowerCase(), path);
  }

  /** How problems name an entry: "project.qdpx:project.qde". */
  fileName(entry: string): string {
    return this.label ? `${this.label}:${entry}` : entry;
  }

  /** The entry at `path` (case-insensitive), by its own spelling. */
  find(path: string): string | undefined {
    return this.byPath.get(path.replace(/^\.?\//, '').toLowerCase());
  }

  /** Entries whose file name (after the last "/") is `name`, case-insensitive. */
  findByBaseName(name: string): string[] {
    const wanted = name.toLowerCase();
    return [...this.entries.keys()].filter((p) => baseName(p).toLowerCase() === wanted);
  }
}

export function baseName(path: string): string {
  return path.split(/[/\\]/).pop() ?? path;
}

export type OpenedArchive = { ok: true; archive: QdpxArchive } | { ok: false; problems: ImportProblem[] };

/** Opens the .qdpx among `files` (or takes `files` as its unpacked entries when they hold a .qde). */
export function openQdpx(files: ImportFiles): OpenedArchive {
  const names = [...files.keys()];
  if (names.some((n) => n.toLowerCase().endsWith('.qde')))
    return { ok: true, archive: new QdpxArchive('', files) };
  const input = inputFile(files, '.qdpx');
  if (!input.ok) return input;
  const zipName = input.name;
  try {
    const unzipped = unzipSync(input.bytes);
    const entries = new Map(Object.entries(unzipped).filter(([path]) => !path.endsWith('/')));
    return { ok: true, archive: new QdpxArchive(zipName, entries) };
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          file: zipName,
          message: `is not a zip archive, as a REFI-QDA project (.qdpx) must be (${(error as Error).message})`,
        },
      ],
    };
  }
}

/** The project.qde of the archive: "project.qde" itself, else the one .qde closest to the top. */
export function findProjectEntry(archive: QdpxArchive): string | undefined {
  const exact = archive.find('project.qde');
  if (exact) return exact;
  const depth = (p: string) => p.split('/').length;
  return [...archive.entries.keys()]
    .filter((p) => p.toLowerCase().endsWith('.qde'))
    .sort((a, b) => depth(a) - depth(b) || a.localeCompare(b))[0];
}
