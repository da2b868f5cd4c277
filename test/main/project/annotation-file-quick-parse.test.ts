import { describe, expect, it } from 'vitest';
import { parseAnnotationFileAsWritten } from '../../../main/project/annotation-file-quick-parse';
import { AnnotationFileSchema } from '../../../main/project/annotation-files-schema';
import { SeededRandom } from '../../support/seeded-random';

/** A file as Gloss writes it, with every optional field used somewhere. */
function fileAsWritten() {
  return {
    format: 'gloss-annotations',
    schemaVersion: 1,
    document: 'news/tiktok.txt',
    annotator: 'alice',
    fingerprint: 'f926da38c95496919359e7c4d5eb8650776e9d5aa6e9a3be912edd0526e8e820',
    status: 'in-progress',
    note: 'Checked the figures twice.',
    date: '2024-02-29',
    annotations: [
      {
        id: 'a1',
        code: 'stakeholder',
        author: 'alice',
        created: '2026-03-01T09:05:00.000Z',
        modified: '2026-03-01T09:05:00.000Z',
        target: { start: 0, end: 9, quote: 'ByteDance', prefix: '', suffix: ' agreed to sell' },
        stakeholderId: 'bytedance',
        // Made by accepting a suggestion.
        suggested: 'stakeholder',
      },
      {
        id: 'a2',
        code: 'valuation',
        author: 'alice',
        created: '2024-02-29T23:59:59.999Z',
        modified: '2026-12-31T00:00:00.000Z',
        note: 'é 😀 about $50bn',
        target: { start: 40, end: 46, quote: '$50bn', prefix: 'worth about ', suffix: '.' },
        value: {
          min: 50e9,
          max: 60e9,
          currency: 'USD',
          unit: 'dollars',
          qualifier: 'approximately',
          measures: 'valuation',
        },
      },
    ],
    relations: [
      {
        id: 'r1',
        type: 'raises',
        from: 'a1',
        to: 'a2',
        note: 'says so',
        author: 'alice',
        created: '2026-03-01T09:06:00.000Z',
        modified: '2026-03-01T09:06:00.000Z',
      },
    ],
    orphans: [
      {
        id: 'o1',
        code: 'privacy',
        author: 'alice',
        created: '2026-03-01T09:07:00.000Z',
        modified: '2026-03-01T09:07:00.000Z',
        target: { start: 3, end: 7, quote: 'gone', prefix: 'text ', suffix: ' now' },
      },
    ],
  };
}

/** The curated layer's file (shared/model/curation.ts): provenance on each annotation, the decisions recorded. */
function curatedFileAsWritten() {
  const file = { ...fileAsWritten(), annotator: 'curation', relations: [], orphans: [] };
  const at = '2026-03-02T10:00:00.000Z';
  file.annotations = file.annotations.map((annotation, i) => ({
    ...annotation,
    author: 'curation',
    curated: {
      from:
        i === 0
          ? [
              { annotator: 'alice', id: 'x1' },
              { annotator: 'bob', id: 'y1' },
            ]
          : [{ annotator: 'bob', id: 'y2' }],
      by: 'carol',
      at,
      decision: i === 0 ? 'agreed' : 'b',
    },
  }));
  return {
    ...file,
    decisions: [
      {
        a: { annotator: 'alice', id: 'x2' },
        b: { annotator: 'bob', id: 'y2' },
        decision: 'b',
        by: 'carol',
        at,
        annotations: ['a2'],
      },
      {
        a: { annotator: 'alice', id: null },
        b: { annotator: 'bob', id: 'y3' },
        decision: 'skip',
        by: 'dave',
        at,
        annotations: [],
      },
      {
        a: { annotator: 'alice', id: 'x4' },
        b: { annotator: 'bob', id: null },
        decision: 'edit',
        edited: { code: 'privacy', start: 2, end: 8 },
        by: 'carol',
        at,
        annotations: ['a1', 'a2'],
      },
    ],
  };
}

/** The quick parse must never be looser than the schema, nor give another value than it. */
function expectSameAsSchema(raw: unknown): 'quick' | 'schema' {
  const schema = AnnotationFileSchema.safeParse(structuredClone(raw));
  const quick = parseAnnotationFileAsWritten(structuredClone(raw));
  if (quick === undefined) return 'schema';
  expect(schema.success, `the schema refuses what the quick parse took: ${JSON.stringify(raw)}`).toBe(true);
  expect(quick).toEqual(schema.data);
  return 'quick';
}

/** Every place in the file that holds a value, as a path of keys. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((key) => leaves((value as Record<string, unknown>)[key], [...path, key]))];
}

type Node = Record<string | number, unknown>;

function nodeAt(root: unknown, path: (string | number)[]): Node {
  return path.reduce((node: Node, key) => node[key] as Node, root as Node);
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  const parent = nodeAt(root, path.slice(0, -1));
  if (value === DELETE) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
}

const DELETE = Symbol('delete');
const ODD_VALUES: unknown[] = [
  DELETE,
  null,
  '',
  'x',
  'not an id',
  'USD',
  'usd',
  'todo',
  'exactly',
  'nope',
  'A'.repeat(64),
  'A'.repeat(65),
  'a'.repeat(101),
  'x'.repeat(201),
  '2026-02-29T10:00:00.000Z',
  '2026-13-01T10:00:00.000Z',
  '2026-03-01T24:00:00.000Z',
  '2026-03-01T09:05:00Z',
  '2026-03-01T09:05:00.000+01:00',
  '2023-02-29',
  '2024-1-05',
  '0000-01-01',
  0,
  -1,
  -0,
  1,
  1.5,
  8,
  2 ** 53,
  Number.POSITIVE_INFINITY,
  true,
  [],
  {},
  'gloss-annotations',
];

/** Every place of the file set to every odd value, and an unknown key beside each: never looser than the schema. */
function expectEveryPlaceChecked(make: () => unknown): void {
  const paths = leaves(make()).filter((path) => path.length > 0);
  let refused = 0;
  for (const path of paths) {
    for (const value of ODD_VALUES) {
      const raw = make();
      setAt(raw, path, value);
      if (expectSameAsSchema(raw) === 'schema') refused++;
    }
    // A key the schema does not know is dropped by it: the quick parse leaves such a file alone.
    const parent = make();
    const at = nodeAt(parent, path.slice(0, -1));
    if (typeof at === 'object' && !Array.isArray(at)) {
      at.extra = 'x';
      expect(expectSameAsSchema(parent)).toBe('schema');
    }
  }
  // Most odd values are faults: the check above did test something.
  expect(refused).toBeGreaterThan(paths.length * ODD_VALUES.length * 0.6);
}

describe('the quick parse of an annotation file', () => {
  it('takes a file as Gloss writes it as it is, with the value the schema gives', () => {
    const raw = fileAsWritten();
    expect(parseAnnotationFileAsWritten(raw)).toBe(raw);
    expect(expectSameAsSchema(raw)).toBe('quick');
    // What a save writes back (the schema's output, through JSON) is taken again.
    const saved = JSON.parse(JSON.stringify(AnnotationFileSchema.parse(fileAsWritten())));
    expect(expectSameAsSchema(saved)).toBe('quick');
  });

  it('fills in the defaults of a file from before relations and orphans, as the schema does', () => {
    const raw: Partial<ReturnType<typeof fileAsWritten>> = fileAsWritten();
    delete raw.relations;
    delete raw.orphans;
    delete raw.status;
    delete raw.note;
    expect(expectSameAsSchema(raw)).toBe('quick');
    expect(parseAnnotationFileAsWritten(raw)).toMatchObject({
      relations: [],
      orphans: [],
      status: 'todo',
      note: '',
    });
  });

  it('leaves to the schema every file it would refuse or change, at every place in the file', () => {
    expectEveryPlaceChecked(fileAsWritten);
  });

  it("takes the curated layer's file as it is, and leaves it to the schema wherever it is changed", () => {
    const raw = curatedFileAsWritten();
    expect(parseAnnotationFileAsWritten(raw)).toBe(raw);
    expect(expectSameAsSchema(raw)).toBe('quick');
    expectEveryPlaceChecked(curatedFileAsWritten);
  });

  it('leaves a `__proto__` key, or start not before end, or min above max, to the schema', () => {
    const proto = JSON.parse(
      JSON.stringify(fileAsWritten()).replace('"id":"a1"', '"__proto__":{},"id":"a1"'),
    );
    expect(expectSameAsSchema(proto)).toBe('schema');
    const backwards = fileAsWritten();
    backwards.annotations[0]!.target.start = 9;
    expect(expectSameAsSchema(backwards)).toBe('schema');
    const figures = fileAsWritten();
    figures.annotations[1]!.value!.min = 70e9;
    expect(expectSameAsSchema(figures)).toBe('schema');
    expect(AnnotationFileSchema.safeParse(figures).success).toBe(false);
  });

  it('takes only timestamps the schema takes, on every day of the calendar and beside it', () => {
    const random = new SeededRandom(13);
    const stamps: string[] = [];
    for (const year of ['0000', '1900', '2000', '2023', '2024', '2100', '9999']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const time = `${String(random.int(0, 25)).padStart(2, '0')}:${String(random.int(0, 61)).padStart(2, '0')}:${String(random.int(0, 61)).padStart(2, '0')}`;
          stamps.push(
            `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}.123Z`,
          );
        }
      }
    }
    // And what toISOString writes, all of which must be quick.
    const written = Array.from({ length: 2000 }, () => new Date(random.int(-62e12, 253e12)).toISOString());
    for (const stamp of [...stamps, ...written]) {
      const raw = fileAsWritten();
      raw.annotations[0]!.created = stamp;
      const taken = expectSameAsSchema(raw);
      if (written.includes(stamp)) expect(taken, stamp).toBe('quick');
    }
  });
});
