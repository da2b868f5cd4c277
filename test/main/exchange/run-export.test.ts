// One export for the screens and the command line (main/exchange/run-export.ts), reached as both
// reach it: through the typed client, in-process, validated against shared/api.ts.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService, type GlossServiceOptions } from '../../../main/api/gloss-service';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient, type GlossClient } from '../../../shared/api-client';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const TEXT = 'Café news 🎉\n\nTikTok and Microsoft met in Zürich.\n';

let project: TempProject;
let outside: string;

function client(options: GlossServiceOptions): GlossClient {
  const service = createGlossService({ watchFolder: false, allowOpenProject: true, ...options });
  return createApiClient(
    inProcessTransport(
      createDispatch(service, () => {}),
      service,
    ),
  );
}

beforeAll(async () => {
  project = await makeTempProject({ 'a.txt': TEXT });
  outside = await mkdtemp(join(tmpdir(), 'gloss-run-export-'));
  for (const [annotator, word, code] of [
    ['alice', 'TikTok', 'privacy'],
    ['alice', 'Microsoft', 'privacy'],
    ['bob', 'Zürich', 'security'],
  ] as const) {
    const api = client({ annotator });
    await api.openProject({ path: project.path });
    const start = TEXT.indexOf(word);
    await api.createAnnotation({ key: 'a.txt', code, start, end: start + word.length });
  }
});
afterAll(async () => {
  await project.cleanup();
  await rm(outside, { recursive: true, force: true });
});

describe('the export runner', () => {
  it('writes the same files for the screens (under .gloss/exports/) and the command line (out)', async () => {
    const screens = client({ annotator: 'alice' });
    await screens.openProject({ path: project.path });
    const inside = await screens.exportDataset({ format: 'jsonl', codes: ['privacy'] });
    expect(inside.folder).toMatch(/^\.gloss\/exports\/[\w-]+-jsonl$/);
    expect(inside.files).toEqual(['documents.jsonl']);

    const cli = client({ annotator: 'alice', readOnly: true, allowExportOutside: true });
    await cli.openProject({ path: project.path });
    const out = join(outside, 'mine.jsonl');
    const there = await cli.exportDataset({ format: 'jsonl', codes: ['privacy'], out });
    expect(join(project.path, there.folder, there.files[0]!)).toBe(out);
    expect({ ...there, folder: '', files: [] }).toEqual({ ...inside, folder: '', files: [] });
    expect(there.annotations).toBe(2);

    const stripTime = (jsonl: string) => jsonl.replace(/"exportedAt":"[^"]+"/g, '');
    expect(stripTime(await readFile(out, 'utf8'))).toBe(
      stripTime(await readFile(join(project.path, inside.folder, 'documents.jsonl'), 'utf8')),
    );
  });

  it('refuses a path from the screens, and a path inside the project from anyone', async () => {
    const screens = client({ annotator: 'alice' });
    await screens.openProject({ path: project.path });
    await expect(screens.exportDataset({ format: 'csv', out: join(outside, 'x') })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const cli = client({ readOnly: true, allowExportOutside: true });
    await cli.openProject({ path: project.path });
    await expect(cli.exportDataset({ format: 'csv', out: join(project.path, 'x') })).rejects.toThrow(
      /inside the project folder/,
    );
    await expect(cli.exportDataset({ format: 'csv' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await readdir(outside)).not.toContain('x');
  });

  it('validates the command line like the screens: a request outside the contract is refused', async () => {
    const cli = client({ readOnly: true, allowExportOutside: true });
    await cli.openProject({ path: project.path });
    await expect(
      cli.exportDataset({ format: 'jsonl', out: join(outside, 'y'), codes: [''] } as never),
    ).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('countAnnotationsByCode', () => {
  it("counts every annotator's annotations per code id", async () => {
    const api = client({ annotator: 'carol', readOnly: true });
    await api.openProject({ path: project.path });
    expect(await api.countAnnotationsByCode({})).toEqual({ privacy: 2, security: 1 });
  });
});
