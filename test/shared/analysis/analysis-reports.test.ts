/**
 * The frequencies' and the figures table's names and CSV (what `gloss analyse --csv` and the
 * screens' Export CSV write), from real answers of the API on a BBC article and on one with emoji
 * and accents, each number recounted here from the annotations made.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codePointOffsets } from '../../../shared/analysis/code-point-offsets';
import { figuresCsv, namedFigures } from '../../../shared/analysis/figures-report';
import { frequenciesCsv, namedFrequencies } from '../../../shared/analysis/frequencies-report';
import type { CodeFrequencies, FiguresTable } from '../../../shared/api';
import type { Codebook } from '../../../shared/model/codebook';
import { annotatorClients } from '../../support/annotator-clients';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

const CAFE =
  'Zoë’s café 😀\n\nLe café «Chez Zoë» 😀 vaut €1,5 million, dit-on, et craint pour la vie privée.\n';

let project: TempProject;
let frequencies: CodeFrequencies;
let figures: FiguresTable;
let codebook: Codebook;
let figuresText: string;
const texts = new Map<string, string>();

beforeAll(async () => {
  const bbc = await readFile(join(CORPUS, 'news-txt/tech/036.txt'), 'utf8');
  project = await makeTempProject({
    'tech/036.txt': bbc,
    'fr/café.txt': CAFE,
    'untouched.txt': 'Nothing here.\n',
  });
  const clients = annotatorClients(project.path);
  const api = await clients.as('zoe');
  const zoe = await api.addStakeholder({ name: 'Chez Zoë', kind: 'company' });
  const tag = async (key: string, quote: string, code: string, extra = {}) => {
    const text = texts.get(key) ?? (await api.getDocument({ key })).text;
    texts.set(key, text);
    const start = text.indexOf(quote);
    return api.createAnnotation({ key, code, start, end: start + quote.length, ...extra });
  };
  await tag('tech/036.txt', 'anti-spyware software', 'privacy');
  await tag('tech/036.txt', 'a security manager', 'security');
  await tag('tech/036.txt', 'six million people', 'user-count', {
    value: { min: 6e6, max: 6e6, unit: 'people' },
  });
  const mention = await tag('fr/café.txt', 'Chez Zoë', 'stakeholder', { stakeholderId: zoe.id });
  await tag('fr/café.txt', 'la vie privée', 'privacy');
  const money = await tag('fr/café.txt', '€1,5 million', 'valuation', {
    value: { min: 1.5e6, max: 1.5e6, currency: 'EUR', qualifier: 'approximately', measures: 'valeur' },
  });
  await api.createRelation({ key: 'fr/café.txt', type: 'describes', from: money.id, to: mention.id });
  ({ codebook } = await api.getProject({}));
  frequencies = await api.codeFrequencies({});
  figures = await api.figuresTable({});
  figuresText = figuresCsv(
    await namedFigures(figures, codebook, [{ id: zoe.id, name: 'Chez Zoë' }], codePointOffsets(api)),
  );
  await clients.close();
});
afterAll(() => project?.cleanup());

const groupOf = (code: string) => {
  const own = codebook.codes.find((c) => c.name === code)!;
  return codebook.codes.find((c) => c.id === own.parentId)?.name;
};

describe('code frequencies by name', () => {
  it('counts a group with its codes in every document and folder', () => {
    const report = namedFrequencies(frequencies);
    const privacyGroup = groupOf('Privacy')!;
    expect(report.documents).toEqual([
      {
        key: 'fr/café.txt',
        counts: expect.objectContaining({ Privacy: 1, Stakeholder: 1, Valuation: 1, [privacyGroup]: 1 }),
      },
      expect.objectContaining({ key: 'tech/036.txt' }),
    ]);
    expect(report.documents[1]!.counts[privacyGroup]).toBe(2);
    expect(report.folders.find((f) => f.folder === 'fr/')!.counts.Privacy).toBe(1);
    expect(report.codes.find((c) => c.code === privacyGroup)).toEqual({
      code: privacyGroup,
      group: null,
      total: 3,
      documents: 2,
    });
    const without = report.withoutGroup.find((w) => w.group === privacyGroup)!;
    expect(without.keys).toEqual(['untouched.txt']);
  });

  it('writes one long CSV that sums back to the totals', () => {
    const rows: Record<string, string>[] = parse(frequenciesCsv(namedFrequencies(frequencies)), {
      columns: true,
    });
    const project = rows.filter((r) => r.scope === 'project');
    expect(project.map((r) => r.code)).toEqual(codebook.codes.map((c) => c.name));
    for (const total of project) {
      const inDocuments = rows.filter((r) => r.scope === 'document' && r.code === total.code);
      expect(inDocuments.reduce((n, r) => n + Number(r.count), 0)).toBe(Number(total.count));
      expect(inDocuments.length).toBe(Number(total.documents));
      expect(total.group).toBe(groupOf(total.code!) ?? '');
    }
    expect(rows).toContainEqual({
      scope: 'document',
      name: 'fr/café.txt',
      code: 'Valuation',
      group: groupOf('Valuation'),
      count: '1',
      documents: '',
    });
    expect(rows.filter((r) => r.scope === 'without' && r.name === 'untouched.txt').length).toBeGreaterThan(0);
  });
});

describe('the figures table as CSV', () => {
  it('writes each figure with its value, code-point offsets, stakeholder, title and date', () => {
    const rows: Record<string, string>[] = parse(figuresText, { columns: true });
    expect(rows.map((r) => r.quote)).toEqual(['€1,5 million', 'six million people']);
    for (const row of rows) {
      const points = [...texts.get(row.key!)!];
      expect(points.slice(Number(row.start), Number(row.end)).join('')).toBe(row.quote);
    }
    expect(rows[0]).toMatchObject({
      key: 'fr/café.txt',
      code: 'Valuation',
      min: '1500000',
      max: '1500000',
      currency: 'EUR',
      unit: '',
      qualifier: 'approximately',
      measures: 'valeur',
      stakeholder: 'Chez Zoë',
      title: 'Zoë’s café 😀',
    });
    expect(rows[1]).toMatchObject({
      unit: 'people',
      currency: '',
      stakeholder: '',
      title: 'Microsoft seeking spyware trojan',
    });
  });
});
