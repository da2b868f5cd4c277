import { type FSWatcher, watch } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { formatOf, isOfficeOwnerFile } from '../sources/extract-document';

/** What changed in the folder during one burst of activity. */
export interface FolderChange {
  /**
   * Keys of the articles added, removed, edited or renamed (both names), sorted. Empty when the
   * watcher cannot tell which (a folder was moved or removed, the folder itself went away, or too
   * many changed at once): list the folder again and treat every article as possibly changed.
   */
  keys: string[];
}

export interface FolderWatchOptions {
  /** Quiet time that ends a burst. */
  debounceMs?: number;
  /** A burst that goes on (a long copy) is still reported this often, so the list shows progress. */
  maxWaitMs?: number;
  /** Past this many keys in one burst, the change is reported as "re-list" (no keys). */
  maxKeys?: number;
  /** A folder that cannot be watched, or the project folder going away; watching goes on where it can. */
  onProblem?: (message: string) => void;
  /** Which file names are reported; by default articles, as scanFolder lists them. */
  include?: (name: string) => boolean;
}

export interface FolderWatcher {
  /** Resolves once every folder present at the start is watched. */
  readonly ready: Promise<void>;
  /** How many folders are watched now. */
  readonly folderCount: number;
  /** Stops watching; no callback comes after it. Safe to call twice. */
  close(): void;
}

/** A folder's inode and birth time, or undefined when it is gone, not a folder, or has no birth time. */
async function identityOf(dir: string): Promise<string | undefined> {
  const info = await lstat(dir, { bigint: true }).catch(() => undefined);
  if (!info?.isDirectory() || info.birthtimeNs === 0n) return undefined;
  return `${info.dev}:${info.ino}:${info.birthtimeNs}`;
}

const DEBOUNCE_MS = 250;
const MAX_WAIT_MS = 1000;
const MAX_KEYS = 1000;

/**
 * Watches a project folder for articles appearing, disappearing, moving or changing, and calls
 * back once per burst of changes.
 *
 * One non-recursive fs.watch per folder, not per file: on Linux each is one inotify watch, so a
 * project of 10,000 articles in a hundred folders costs a hundred watches, well inside the
 * system's limit, and starting is a readdir per folder (no stat per file). Node 20's
 * `fs.watch({ recursive: true })` on Linux is a JavaScript walk that watches and stats every
 * file synchronously, `.gloss/` included, and stops at the first unreadable folder. Hidden
 * entries (so `.gloss/`, `.git/`, editors' swap files) are never watched, and only article
 * extensions are reported, as scanFolder lists them. Links to folders are not followed, as in
 * scanFolder, so a link loop costs nothing.
 */
export function watchFolder(
  folder: string,
  onChange: (change: FolderChange) => void,
  options: FolderWatchOptions = {},
): FolderWatcher {
  const root = resolve(folder);
  const debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  const maxWaitMs = options.maxWaitMs ?? MAX_WAIT_MS;
  const maxKeys = options.maxKeys ?? MAX_KEYS;
  const problem = (message: string) => options.onProblem?.(message);
  const include =
    options.include ?? ((name: string) => formatOf(name) !== undefined && !isOfficeOwnerFile(name));

  const watchers = new Map<string, FSWatcher>();
  /** Each watched folder's inode and birth time: which folder the watch is on. */
  const identities = new Map<string, string>();
  let closed = false;
  let pending = new Set<string>();
  let unknown = false;
  let burstStarted: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let toldLimit = false;

  const keyOf = (path: string) => relative(root, path).split(sep).join('/');

  const flush = () => {
    timer = undefined;
    burstStarted = undefined;
    if (closed) return;
    const keys = unknown || pending.size > maxKeys ? [] : [...pending].sort();
    pending = new Set();
    unknown = false;
    onChange({ keys });
  };

  /** Waits for a quiet moment, but no longer than maxWaitMs after the burst's first change. */
  const schedule = () => {
    if (closed) return;
    const now = Date.now();
    burstStarted ??= now;
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(debounceMs, burstStarted + maxWaitMs - now)));
    timer.unref();
  };

  const changed = (key: string) => {
    pending.add(key);
    schedule();
  };
  const relist = () => {
    unknown = true;
    schedule();
  };

  /** Stops watching a folder and everything under it (it was removed, moved or failed). */
  const unwatchTree = (dir: string) => {
    for (const [path, watcher] of watchers) {
      if (path === dir || path.startsWith(dir + sep)) {
        watcher.close();
        watchers.delete(path);
        identities.delete(path);
      }
    }
  };

  /**
   * An event named a folder already watched. Its creation's own event can come after the parent's
   * listing found it and it was watched (a busy machine, `mkdir -p` then a file): the same folder,
   * nothing to do. Else it was removed, moved or replaced: watch again and re-list. Inode and
   * birth time together tell a new folder from the old (an inode number is soon reused).
   */
  const recheck = (dir: string) => {
    const known = identities.get(dir);
    void identityOf(dir).then((identity) => {
      if (closed || (known !== undefined && identity === known && watchers.has(dir))) return;
      rewatch(dir);
    });
  };

  const stop = () => {
    closed = true;
    clearTimeout(timer);
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };

  /** The project folder was removed or moved: say so once, then watch nothing. */
  const checkRoot = async () => {
    const info = await lstat(root).catch(() => undefined);
    if (closed || info?.isDirectory()) return;
    problem(`The project folder ${root} was removed or moved; its articles are no longer watched.`);
    clearTimeout(timer);
    pending = new Set();
    unknown = true;
    flush();
    stop();
  };

  /**
   * Watches `dir` and the folders under it. The watch starts before the listing, so nothing
   * created meanwhile is missed; with `report`, the articles found are reported as added (a
   * folder copied or moved in).
   */
  const watchTree = async (dir: string, report: boolean): Promise<void> => {
    if (closed || watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      // Not persistent: a watcher alone never keeps the process (the CLI, a test run) alive.
      watcher = watch(dir, { persistent: false }, (_type, name) => onEvent(dir, name));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      if (code === 'ENOSPC' || code === 'EMFILE') {
        if (!toldLimit) {
          toldLimit = true;
          problem(
            `The system's limit on watched folders is reached (${code}); changes in some folders of the project will only show after reopening it.`,
          );
        }
        return;
      }
      problem(`The folder ${keyOf(dir) || '.'} cannot be watched (${code ?? (error as Error).message}).`);
      return;
    }
    watcher.on('error', () => rewatch(dir));
    watchers.set(dir, watcher);
    void identityOf(dir).then((identity) => {
      if (identity && watchers.get(dir) === watcher) identities.set(dir, identity);
    });

    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    if (closed) return;
    const folders: Promise<void>[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) folders.push(watchTree(path, report));
      else if (report && include(entry.name)) changed(keyOf(path));
    }
    await Promise.all(folders);
  };

  /**
   * A watched folder was removed, moved away or replaced, or its watch failed: which articles
   * changed is unknown. Watches it again if it is (still, or again) a folder.
   */
  const rewatch = (dir: string) => {
    unwatchTree(dir);
    relist();
    void lstat(dir)
      .then((info) => {
        if (info.isDirectory()) return watchTree(dir, false);
        if (dir === root) return checkRoot();
      })
      .catch(() => (dir === root ? checkRoot() : undefined));
  };

  const onEvent = (dir: string, name: string | Buffer | null) => {
    if (closed) return;
    // Without a name (some platforms, a queue overflow) nothing says what changed.
    if (typeof name !== 'string') return relist();
    // The folder's own removal is reported under its own name (libuv); for the root, check.
    if (dir === root && name === basename(root)) void checkRoot();
    if (name.startsWith('.')) return;
    const path = join(dir, name);
    if (watchers.has(path)) {
      recheck(path);
    } else if (include(name)) {
      changed(keyOf(path));
    } else {
      // Maybe a folder created or moved in: lstat, so a link to a folder is not followed.
      void lstat(path)
        .then((info) => (info.isDirectory() ? watchTree(path, true) : undefined))
        .catch(() => {});
    }
  };

  const ready = watchTree(root, false).then(() => {
    if (!closed && !watchers.has(root)) void checkRoot();
  });

  return {
    ready,
    get folderCount() {
      return watchers.size;
    },
    close: stop,
  };
}
