import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { REPO } from './corpus';

const run = promisify(execFile);

/** A system call as strace printed it, with the file an `openat` opened and the fd it got. */
export interface TracedCall {
  line: string;
  open?: { path: string; fd: string };
}

/**
 * Runs an ES module `script` (TypeScript through tsx, from the repository) under `strace -f`,
 * tracing `calls` (e.g. "openat,fsync"); `args` reach it as process.argv[1…]. Resolves with the
 * calls in the order they finished. With threads, strace may cut a call in two ("openat(…,
 * "path", … <unfinished ...>", then "<... openat resumed>) = fd" on the same thread's line): the
 * two halves are joined, so a busy machine cannot hide an open.
 */
export async function traceScript(calls: string, script: string, args: string[]): Promise<TracedCall[]> {
  const { stderr } = await run(
    'strace',
    [
      '-f',
      '-e',
      `trace=${calls}`,
      process.execPath,
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
      ...args,
    ],
    { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
  );
  const traced: TracedCall[] = [];
  const pending = new Map<string, string>();
  for (const line of stderr.split('\n')) {
    const thread = /^(?:\[pid\s+)?(\d+)\]?\s/.exec(line)?.[1] ?? '';
    const started = /openat\(AT_FDCWD, "([^"]+)", [^)]*<unfinished \.\.\.>/.exec(line);
    if (started) {
      pending.set(thread, started[1]!);
      continue;
    }
    const whole = /openat\(AT_FDCWD, "([^"]+)", [^)]*\) = (\d+)/.exec(line);
    const resumed = /<\.\.\. openat resumed>.*\) = (\d+)/.exec(line);
    if (whole) traced.push({ line, open: { path: whole[1]!, fd: whole[2]! } });
    else if (resumed && pending.has(thread))
      traced.push({ line, open: { path: pending.get(thread)!, fd: resumed[1]! } });
    else traced.push({ line });
    if (resumed) pending.delete(thread);
  }
  return traced;
}
