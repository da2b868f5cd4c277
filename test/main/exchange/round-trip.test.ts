import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { exportProject, importIntoProject } from '../../../main/cli/exchange-commands';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../../../main/exchange/format-registry';
import { sampleDataset } from '../../support/sample-dataset';
import { type AnnotatedSample, annotateSample } from '../../support/sample-project';

/**
 * Each format that carries annotations, end to end through real folders: a project made through
 * the API (two annotators, stakeholders, figure values, notes, relations, emoji and CJK text) is
 * exported with `gloss export`'s code, imported with `gloss import`'s into an empty project, and
 * the new project holds the same texts, codes, offsets, quotes, stakeholders, values, notes,
 * authors and relations.
 */

/** Codebook formats carry no documents; the others carry annotations both ways. */
const CODEBOOK_ONLY = new Set(['codebook', 'refi-qda-codebook']);
const ROUND_TRIP = EXPORT_FORMATS.map((f) => f.id).filter(
  (id) => !CODEBOOK_ONLY.has(id) && IMPORT_FORMATS.some((f) => f.id === id),
);
/** What a researcher would name each single-file export. */
const EXTENSIONS: Record<string, string> = { jsonl: 'jsonl', w3c: 'jsonld', 'refi-qda': 'qdpx' };
let source: string;
let scratch: string;
let sample: AnnotatedSample;

/** What a project says about one document, in names rather than ids, comparable across projects. */
async function describeProject(folder: string, keys: Record<string, string>) {
  const service = createGlossService({ annotator: 'reader' });
  await service.open(folder);
  const { codebook, stakeholders } = await service.getProject({});
  const codeName = (id: string) => codebook.codes.find((c) => c.id === id)?.name;
  const typeName = (id: string) => codebook.relationTypes.find((t) => t.id === id)?.name;
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(keys)) {
    const { text } = await service.getDocument({ key });
    const annotations = await service.listAnnotations({ key });
    const quote = (id: string) => annotations.find((a) => a.id === id)?.target.quote;
    out[name] = {
      text,
      annotations: annotations
        .map((a) => ({
          start: a.target.start,
          end: a.target.end,
          quote: a.target.quote,
          code: codeName(a.code),
          author: a.author,
          note: a.note,
          value: a.value,
          stakeholder: stakeholders.find((s) => s.id === a.stakeholderId)?.name,
        }))
        .sort((x, y) => x.start - y.start || x.end - y.end || String(x.code).localeCompare(String(y.code))),
      relations: (await service.listRelations({ key }))
        .map((r) => ({ type: typeName(r.type), from: quote(r.from), to: quote(r.to) }))
        .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    };
  }
  return out;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gloss-round-trip-'));
  source = join(scratch, 'source');
  const dataset = sampleDataset();
  for (const document of dataset.documents) {
    const path = join(source, ...document.key.split('/'));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, document.text);
  }
  sample = await annotateSample(source);
});

afterAll(async () => {
  sample.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('export, then import into an empty project', () => {
  it('covers the formats that carry annotations', () => {
    expect(ROUND_TRIP).toEqual(expect.arrayContaining(['jsonl', 'brat', 'w3c', 'refi-qda']));
  });

  it.each(ROUND_TRIP)(
    '%s keeps texts, codes, offsets, quotes, stakeholders, values, notes, authors, relations',
    async (id) => {
      const format = EXPORT_FORMATS.find((f) => f.id === id)!;
      const out = join(scratch, `out-${id}`, format.singleFile ? `dataset.${EXTENSIONS[id]}` : '');
      const exported = await exportProject({ folder: source, format: id, out, filters: {} });
      expect(exported.documents).toBe(2);
      const target = join(scratch, `target-${id}`);
      await mkdir(target);
      const summary = await importIntoProject({ folder: target, format: id, path: out, into: 'imported' });
      expect(summary.documents.sort()).toEqual(['imported/deal.txt', 'imported/world/café.txt']);
      const before = await describeProject(source, { cafe: 'world/café.txt', deal: 'deal.txt' });
      const after = await describeProject(target, {
        cafe: 'imported/world/café.txt',
        deal: 'imported/deal.txt',
      });
      expect(after).toEqual(before);
      // The source project was only read.
      expect(
        JSON.parse(await readFile(join(source, '.gloss/project.json'), 'utf8')).stakeholders,
      ).toHaveLength(4);
    },
  );

  it('writes nothing when the input has a problem, and names it', async () => {
    const target = join(scratch, 'target-bad');
    await mkdir(target);
    const bad = join(scratch, 'bad.jsonl');
    await writeFile(bad, '{"text": "fine", "spans": []}\n{not json\n');
    await expect(
      importIntoProject({ folder: target, format: 'jsonl', path: bad, into: 'imported' }),
    ).rejects.toThrow(/nothing was imported: .*\n.*bad\.jsonl:2/);
    expect(await readdir(target)).toEqual([]);
  });

  it('never overwrites an article of the project: its own export lands on it and adds nothing', async () => {
    const out = join(scratch, 'again.jsonl');
    await exportProject({ folder: source, format: 'jsonl', out, filters: {} });
    const before = await describeProject(source, { cafe: 'world/café.txt', deal: 'deal.txt' });
    const summary = await importIntoProject({ folder: source, format: 'jsonl', path: out, into: '' });
    expect(summary).toMatchObject({ documents: [], annotations: 0, relations: 0 });
    expect(summary.annotated.sort()).toEqual(['deal.txt', 'world/café.txt']);
    expect(summary.alreadyThere).toEqual({ annotations: 9, relations: 3 });
    expect(await describeProject(source, { cafe: 'world/café.txt', deal: 'deal.txt' })).toEqual(before);
  });
});
