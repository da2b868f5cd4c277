import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGlossService } from '../../../main/api/gloss-service';
import { exportProject, formatImportSummary, importIntoProject } from '../../../main/cli/exchange-commands';
import { bratExport, bratImport } from '../../../main/exchange/formats/brat';
import type { ImportPlan, PlannedDocument } from '../../../main/exchange/import-plan';
import { readImportFiles } from '../../../main/exchange/read-import';
import type { ImportSummary } from '../../../shared/api';
import { sampleDataset } from '../../support/sample-dataset';
import { asImportFiles, folder } from './brat-support';

/**
 * brat's event-shaped corpora (the shapes of its news tutorial, written anew in
 * test/fixtures/brat-events): events with repeated roles and events as arguments, attributes and
 * notes on events and relations, an equivalence set, discontinuous spans, two events on one
 * trigger. They come in as annotations and relations, and go back out as the same .ann lines.
 */
const FIXTURE = join(__dirname, '../../fixtures/brat-events');
let scratch: string;

async function readPlan(): Promise<ImportPlan> {
  const result = bratImport.read(await readImportFiles(FIXTURE));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.plan;
}

function quoteOf(document: PlannedDocument) {
  return (sourceId: string) => {
    const a = document.annotations.find((x) => x.sourceId === sourceId);
    if (!a) throw new Error(`no annotation ${sourceId}`);
    return document.text.slice(a.start, a.end);
  };
}

/** Relations as "from quote —type→ to quote", comparable without ids. */
function arcs(document: PlannedDocument): string[] {
  const quote = quoteOf(document);
  return document.relations.map((r) => `${quote(r.from)} —${r.type}→ ${quote(r.to)}`).sort();
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gloss-brat-events-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('brat events, equivalences and discontinuous spans, imported', () => {
  it('makes an event its trigger plus a relation per argument, typed by the role', async () => {
    const desk = (await readPlan()).documents.find((d) => d.path === 'news/desk.txt')!;
    expect(arcs(desk)).toEqual(
      expect.arrayContaining([
        'merged —Org-Arg (event role)→ Nordbank',
        'merged —Org-Arg2 (event role)→ Fjordfin',
        'reported —Reporter-Arg (event role)→ Lumo',
        // An event as an argument is its trigger, here one defined further down the file.
        'reported —Event-Arg (event role)→ merged',
        'told —Event-Arg (event role)→ posted',
      ]),
    );
  });

  it('puts attributes and notes of an event on its trigger, of a relation on the relation', async () => {
    const desk = (await readPlan()).documents.find((d) => d.path === 'news/desk.txt')!;
    const byQuote = (quote: string) =>
      desk.annotations.find((a) => desk.text.slice(a.start, a.end) === quote)!;
    expect(byQuote('merged').note).toBe('attribute: Confidence High\nOne merger, two banks ✓');
    expect(byQuote('posted').note).toBe('attribute: Negation');
    expect(byQuote('Ana Ruiz').note).toBe('attribute: Mention Name');
    const located = desk.relations.find((r) => r.type === 'Located')!;
    expect(located.note).toBe('attribute: Speculation\nOnly the headline says so');
  });

  it('links an equivalence set pair by pair, and a discontinuous span piece by piece', async () => {
    const desk = (await readPlan()).documents.find((d) => d.path === 'news/desk.txt')!;
    expect(arcs(desk)).toEqual(
      expect.arrayContaining([
        'Nordbank —Equiv→ Nordbank',
        'Nordbank —Equiv→ the bank',
        'denied —fragment-of→ Nordbank',
        'Nordbank —fragment-of→ Later',
        'denied —fragment-of→ Later',
      ]),
    );
    const quote = quoteOf(desk);
    // Apart only by a line break: one span, as brat writes a span across lines.
    expect(quote('T11')).toBe('posted it\nat dawn');
    expect([quote('T14'), quote('T14.2')]).toEqual(['Nordbank', 'denied']);
    expect(desk.annotations.find((a) => a.sourceId === 'T14')!.note).toBe('Said in two halves');
    // Offsets are UTF-16 in Gloss: the emoji before them counts twice here, once in brat.
    const t14 = desk.annotations.find((a) => a.sourceId === 'T14')!;
    expect(t14.start).toBe(131);
  });

  it('gives a second event on one trigger its own copy of the trigger', async () => {
    const twice = (await readPlan()).documents.find((d) => d.path === 'news/twice.txt')!;
    const triggers = twice.annotations.filter((a) => a.code === 'Merge-org');
    expect(triggers.map((a) => twice.text.slice(a.start, a.end))).toEqual(['merged', 'merged']);
    expect(triggers.map((a) => a.note)).toEqual([undefined, 'The second merger']);
    expect(arcs(twice)).toEqual([
      'merged —Org-Arg (event role)→ Acme',
      'merged —Org-Arg (event role)→ Acme',
      'merged —Org-Arg2 (event role)→ Bolt',
      'merged —Org-Arg2 (event role)→ Core',
    ]);
  });

  it('reads event types and their groups from annotation.conf', async () => {
    const plan = await readPlan();
    expect(plan.codes).toEqual(
      expect.arrayContaining([
        { name: 'Business', codable: false },
        { name: 'Merge-org', group: 'Business', codable: true },
        { name: 'Report', codable: true },
      ]),
    );
  });

  it('says how many lines of each kind became what', async () => {
    expect((await readPlan()).mapping).toEqual([
      {
        lines: 'T (text-bound)',
        count: 19,
        became:
          '22 annotations; 2 discontinuous spans as one annotation per piece + 3 “fragment-of” relations',
      },
      {
        lines: 'E (event)',
        count: 6,
        became:
          '6 trigger annotations (1 a copy of a trigger two events share) + 11 relations typed by role (“… (event role)”)',
      },
      { lines: 'R (relation)', count: 1, became: '1 relation' },
      { lines: '* (equivalence)', count: 1, became: '2 relations between neighbouring members' },
      {
        lines: 'A/M (attribute)',
        count: 4,
        became: "“attribute: …” note lines: 3 on annotations (an event's on its trigger), 1 on relations",
      },
      {
        lines: '# (note)',
        count: 4,
        became: "notes: 3 on annotations (an event's on its trigger), 1 on relations",
      },
    ]);
  });

  it('names the file and line of an event whose trigger or argument is not there', () => {
    const result = bratImport.read(
      folder({
        'a.txt': 'Acme merged.\n',
        'a.ann':
          'T1\tOrganization 0 4\tAcme\nE1\tMerge-org:T2 Org-Arg:T1\nT3\tMerge-org 5 11\tmerged\nE2\tMerge-org:T3 Org-Arg:E9\nE3\tMerge-org T3\n',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { file: 'a.ann', line: 2, message: 'E1: its trigger T2 is not a text-bound annotation of this file' },
      { file: 'a.ann', line: 4, message: 'E2: E9 is not a text-bound annotation or event of this file' },
      { file: 'a.ann', line: 5, message: 'E3: expected "E3<tab>Type:T1 Role:T2 Role2:T3"' },
    ]);
  });
});

/**
 * A .ann as a sorted list of lines in which every id is replaced by what it names (a T by its
 * type, offsets and text; an E by its type, trigger and arguments; an R by its type and ends),
 * so two files compare equal when they say the same things whatever their ids and order.
 * The `Annotator` attribute, which Gloss adds to every T, is left out.
 */
function canonical(ann: string): string[] {
  const rows = ann
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
  const spans = new Map<string, string>();
  const events = new Map<string, string>();
  const relations = new Map<string, string>();
  for (const [id, middle, text] of rows) {
    if (id!.startsWith('T')) spans.set(id!, `[${middle} "${text}"]`);
    if (id!.startsWith('E')) events.set(id!, middle!);
  }
  const name = (id: string): string => {
    if (spans.has(id)) return spans.get(id)!;
    if (relations.has(id)) return relations.get(id)!;
    const event = events.get(id);
    if (event === undefined) return `?${id}`;
    const [head, ...args] = event.trim().split(' ');
    const [type, trigger] = head!.split(':');
    const roles = args.map((arg) => `${arg.split(':')[0]}:${name(arg.split(':')[1]!)}`).sort();
    return `{${type}:${name(trigger!)} ${roles.join(' ')}}`;
  };
  for (const [id, middle] of rows) {
    if (!id!.startsWith('R')) continue;
    const [type, a1, a2] = middle!.split(' ');
    relations.set(id!, `<${type} ${name(a1!.slice(5))} ${name(a2!.slice(5))}>`);
  }
  const out: string[] = [];
  for (const [id, middle, text] of rows) {
    const kind = id![0];
    const parts = middle!.trim().split(' ');
    if (kind === 'T') out.push(`T ${spans.get(id!)}`);
    else if (kind === 'E') out.push(`E ${name(id!)}`);
    else if (kind === 'R') out.push(`R ${relations.get(id!)}`);
    else if (kind === '*') out.push(`* ${parts[0]} ${parts.slice(1).map(name).sort().join(' ')}`);
    else if ((kind === 'A' || kind === 'M') && parts[0] !== 'Annotator')
      out.push(`A ${parts[0]} ${name(parts[1]!)}${parts[2] ? ` ${parts[2]}` : ''}`);
    else if (kind === '#') out.push(`# ${parts[0]} ${name(parts[1]!)}\t${text}`);
    else if (kind === 'N') out.push(`N ${parts[0]} ${name(parts[1]!)} ${parts[2]}\t${text}`);
  }
  return out.sort();
}

describe('brat → Gloss → brat', () => {
  let summary: ImportSummary;
  let exported: string;

  beforeAll(async () => {
    const project = join(scratch, 'project');
    await mkdir(project);
    const input = join(scratch, 'input');
    await cp(FIXTURE, input, { recursive: true });
    summary = await importIntoProject({ folder: project, format: 'brat', path: input, into: 'corpus' });
    exported = join(scratch, 'exported');
    await exportProject({ folder: project, format: 'brat', out: exported, filters: {} });
  });

  it.each(['desk', 'twice'])('writes %s.ann back as the same lines, up to ids and order', async (name) => {
    const original = await readFile(join(FIXTURE, 'news', `${name}.ann`), 'utf8');
    const again = await readFile(join(exported, 'corpus/news', `${name}.ann`), 'utf8');
    expect(canonical(again)).toEqual(canonical(original));
    expect(await readFile(join(exported, 'corpus/news', `${name}.txt`), 'utf8')).toBe(
      await readFile(join(FIXTURE, 'news', `${name}.txt`), 'utf8'),
    );
  });

  it('declares the events, equivalence and attributes in the annotation.conf it writes', async () => {
    const conf = await readFile(join(exported, 'annotation.conf'), 'utf8');
    const events = conf.slice(conf.indexOf('[events]'), conf.indexOf('[attributes]'));
    // Under its group, as the annotation.conf it came from had it.
    expect(events).toMatch(
      /^!Business\n\tMerge-org\tOrg-Arg\*:<ENTITY>\|<EVENT>, Org-Arg2\*:<ENTITY>\|<EVENT>$/m,
    );
    expect(events).toMatch(/^Report\tReporter-Arg\*:<ENTITY>\|<EVENT>, Event-Arg\*:<ENTITY>\|<EVENT>$/m);
    expect(conf).toMatch(/^Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive$/m);
    expect(conf).toMatch(/^Confidence\tArg:<ENTITY>\|<EVENT>, Value:High$/m);
    expect(conf).toMatch(/^Negation\tArg:<ENTITY>\|<EVENT>$/m);
    // A trigger's code is an event type, not an entity type as well.
    const entities = conf.slice(conf.indexOf('[entities]'), conf.indexOf('[relations]'));
    expect(entities).not.toMatch(/Merge-org|Business|Report/);
    expect(entities).toMatch(/^Organization$/m);
  });

  it('keeps the shapes in the project as relation types a researcher can read', async () => {
    const service = createGlossService({ annotator: 'reader' });
    await service.open(join(scratch, 'project'));
    const { codebook } = await service.getProject({});
    expect(codebook.relationTypes.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Org-Arg (event role)', 'Event-Arg (event role)', 'Equiv', 'fragment-of']),
    );
  });

  it('says on the command line how each kind of line was mapped', () => {
    const text = formatImportSummary(summary);
    expect(text).toContain('How the lines were read:');
    expect(text).toContain(
      '6 E (event) lines → 6 trigger annotations (1 a copy of a trigger two events share) + 11 relations typed by role',
    );
    expect(text).toContain('1 * (equivalence) line → 2 relations between neighbouring members');
  });
});

describe('shapes drawn in Gloss, exported to brat', () => {
  /** The sample's deal article with an event, an equivalence and a fragment link drawn on it. */
  function drawn() {
    const dataset = sampleDataset();
    dataset.codebook.relationTypes.push(
      { id: 'theme', name: 'Theme (event role)', description: '' },
      { id: 'same', name: 'Equiv', description: '' },
      { id: 'piece', name: 'fragment-of', description: '' },
    );
    const deal = dataset.documents.find((d) => d.key === 'deal.txt')!;
    const [microsoft, valuation, pounds] = deal.annotations.map((a) => a.id);
    const base = { author: 'alice', created: dataset.exportedAt, modified: dataset.exportedAt };
    deal.relations.push(
      { ...base, id: 'e1', type: 'theme', from: valuation!, to: microsoft! },
      { ...base, id: 'q1', type: 'same', from: valuation!, to: pounds!, note: 'the same sum, in pounds' },
      { ...base, id: 'f1', type: 'piece', from: pounds!, to: microsoft! },
    );
    return dataset;
  }

  it('writes an event for a trigger, and R lines where a note or two codes forbid the brat shape', () => {
    const ann = String(bratExport.write(drawn(), {}).find((f) => f.path === 'deal.ann')!.content);
    const lines = ann.split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^E1\tValuation:T2 Theme:T1$/));
    // An equivalence with a note of its own keeps the note as an R line; pieces of two codes stay apart.
    expect(lines).toContainEqual(expect.stringMatching(/^R\d+\tEquiv Arg1:E1 Arg2:T3$/));
    expect(lines).toContainEqual(expect.stringMatching(/^R\d+\tfragment-of Arg1:T3 Arg2:T1$/));
    expect(lines.some((line) => line.startsWith('*'))).toBe(false);
  });

  it('comes back as the same relations, notes included', () => {
    const result = bratImport.read(asImportFiles(bratExport.write(drawn(), {})));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(arcs(result.plan.documents.find((d) => d.path === 'deal.txt')!)).toEqual([
      '$ 15-30 billion —Equiv→ £ 11-23 billion',
      '$ 15-30 billion —Theme (event role)→ Microsoft',
      '$ 15-30 billion —describes→ Microsoft',
      '£ 11-23 billion —fragment-of→ Microsoft',
    ]);
    const equiv = result.plan.documents
      .find((d) => d.path === 'deal.txt')!
      .relations.find((r) => r.type === 'Equiv');
    expect(equiv?.note).toBe('the same sum, in pounds');
  });
});
