import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../support/corpus';
import { glossBin } from '../../support/gloss-cli';
import { requireRendererBuild } from '../../support/renderer-build';
import { makeTempProject, type TempProject } from '../../support/temp-project';

let project: TempProject | undefined;
const running = new Set<ChildProcess>();

/** Starts `gloss serve` and resolves with the link it prints. */
async function serve(folder: string): Promise<{ url: URL; child: ChildProcess }> {
  const child = spawn(process.execPath, [await glossBin(), 'serve', folder, '--no-open'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no link within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const link = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+/.exec(output);
      if (link) {
        clearTimeout(timer);
        resolve({ url: new URL(link[0]), child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`gloss serve exited with ${code}:\n${output}`)));
  });
}

async function call(url: URL, operation: string, request: unknown) {
  const response = await fetch(new URL(`/api/${operation}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${url.searchParams.get('token')}` },
    body: JSON.stringify(request),
  });
  return (await response.json()) as { ok: boolean; result: never; error?: { code: string } };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  running.delete(child);
}

beforeAll(() => {
  requireRendererBuild();
});
afterEach(async () => {
  for (const child of running) await stop(child);
  await project?.cleanup();
});

describe('gloss serve', () => {
  it('serves the folder on loopback with a token, and annotations survive a restart of the host', async () => {
    project = await makeTempProject({ 'news/a.txt': 'TikTok talks\n\nMicrosoft and ByteDance 😀 met.' });
    const first = await serve(project.path);
    expect(first.url.hostname).toBe('127.0.0.1');

    const refused = await fetch(new URL('/api/listDocuments', first.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(401);

    const doc = (await call(first.url, 'getDocument', { key: 'news/a.txt' })).result as { text: string };
    const start = doc.text.indexOf('ByteDance');
    const created = await call(first.url, 'createAnnotation', {
      key: 'news/a.txt',
      code: 'stakeholder',
      start,
      end: start + 9,
    });
    expect(created.ok).toBe(true);
    await stop(first.child);

    const author = (created.result as { author: string }).author;
    const saved = JSON.parse(
      await readFile(join(project.path, '.gloss/annotations/news/a.txt', `${author}.json`), 'utf8'),
    );
    expect(saved.annotations).toHaveLength(1);

    const second = await serve(project.path);
    expect(second.url.searchParams.get('token')).not.toBe(first.url.searchParams.get('token'));
    const listed = await call(second.url, 'listAnnotations', { key: 'news/a.txt' });
    expect(listed.result).toEqual([created.result]);
    const stale = await fetch(new URL('/api/listDocuments', second.url), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${first.url.searchParams.get('token')}`,
      },
      body: '{}',
    });
    expect(stale.status).toBe(401);
  });

  it('says what is wrong with a folder it cannot open, in one line', async () => {
    const child = spawn(process.execPath, [await glossBin(), 'serve', '/no/such/folder', '--no-open'], {
      cwd: REPO,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('gloss: The folder /no/such/folder does not exist');
  });
});
