import { describe, expect, it } from 'vitest';
import { bratImport } from '../../../main/exchange/formats/brat';
import type { ImportResult } from '../../../main/exchange/import-plan';
import { folder } from './brat-support';

// Offsets below are counted by hand in code points, as brat writes them: the emoji is one.
const TEXT = 'Meta 😀 said\nprivacy matters.\nTikTok replied.\n';

const CONF = `[entities]
Organisation
!Claims
\tConcern
\tStatement

[relations]
Responds_to\tArg1:Organisation, Arg2:Organisation

[events]

[attributes]
Negated\tArg:Concern
`;

function plan(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return result.plan;
}

describe('brat import of a folder written by brat', () => {
  const files = folder({
    'annotation.conf': CONF,
    'visual.conf':
      '[labels]\nResponds_to | responds to\n\n[drawing]\nOrganisation\tbgColor:#aabbcc, fgColor:black\n',
    'news/a.txt': TEXT,
    'news/a.ann': [
      'T1\tOrganisation 0 4\tMeta',
      'T2\tConcern 7 11;12 19\tsaid privacy',
      'T3\tConcern 12 27\tprivacy matters',
      'T4\tOrganisation 29 35\tTikTok',
      'T5\tStatement 0 4;36 43\tMeta replied',
      'T6\tConcern 7 19\tsaid privacy',
      'R1\tResponds_to Arg1:T4 Arg2:T1',
      'A1\tNegated T3',
      'N1\tReference T4 Wikipedia:12345\tTikTok',
      '#1\tAnnotatorNotes T1\tchecked',
      '',
    ].join('\n'),
  });

  it('turns code-point offsets into UTF-16; fragments split at a line break into one span', () => {
    const [doc] = plan(bratImport.read(files)).documents;
    const span = (id: string) => doc!.annotations.find((a) => a.sourceId === id)!;
    const quote = (id: string) => doc!.text.slice(span(id).start, span(id).end);
    expect(doc!.path).toBe('news/a.txt');
    expect(quote('T1')).toBe('Meta');
    expect(quote('T2')).toBe('said\nprivacy');
    expect(quote('T4')).toBe('TikTok');
    // Pieces apart by more than a line break: an annotation each, the later one fragment-of the first.
    expect(quote('T5')).toBe('Meta');
    expect(quote('T5.2')).toBe('replied');
    expect(doc!.relations).toContainEqual({ type: 'fragment-of', from: 'T5.2', to: 'T5' });
    // A span across a line break written as one fragment, its break shown as a space.
    expect(quote('T6')).toBe('said\nprivacy');
  });

  it('reads codes and groups from annotation.conf, names and colours from visual.conf', () => {
    const p = plan(bratImport.read(files));
    expect(p.codes).toEqual(
      expect.arrayContaining([
        { name: 'Organisation', color: '#aabbcc', codable: true },
        { name: 'Claims', codable: false },
        { name: 'Concern', group: 'Claims', codable: true },
        { name: 'Statement', group: 'Claims', codable: true },
      ]),
    );
    expect(p.relationTypes).toEqual(['fragment-of', 'responds to']);
    expect(p.documents[0]!.relations).toEqual([
      { type: 'fragment-of', from: 'T5.2', to: 'T5' },
      { type: 'responds to', from: 'T4', to: 'T1' },
    ]);
  });

  it('reads stakeholders from N lines, notes from AnnotatorNotes, other attributes into note lines', () => {
    const p = plan(bratImport.read(files));
    const annotations = p.documents[0]!.annotations;
    expect(p.stakeholders).toEqual([{ name: 'TikTok', kind: 'company' }]);
    expect(annotations.find((a) => a.sourceId === 'T4')!.stakeholder).toBe('TikTok');
    expect(annotations.find((a) => a.sourceId === 'T1')!.note).toBe('checked');
    expect(annotations.find((a) => a.sourceId === 'T3')!.note).toBe('attribute: Negated');
  });

  it('counts a byte-order mark and \\r\\n as brat does, and keeps the text as Gloss reads it', () => {
    const raw = '\ufeffHi\r\nthere\r\n';
    const p = plan(bratImport.read(folder({ 'b.txt': raw, 'b.ann': 'T1\tGreeting 5 10\tthere\n' })));
    const [doc] = p.documents;
    expect(doc!.text).toBe('Hi\nthere\n');
    expect(doc!.text.slice(doc!.annotations[0]!.start, doc!.annotations[0]!.end)).toBe('there');
    expect(p.codes).toEqual([{ name: 'Greeting', codable: true }]);
  });
});

describe('brat import of a broken folder', () => {
  const result = bratImport.read(
    folder({
      'annotation.conf': CONF,
      'bad/a.txt': TEXT,
      'bad/a.ann': [
        'T1\tOrganisation 0 4\tMeta',
        'T2\tOrganisation 29 35 TikTok',
        'T3\tConcern 40 50\treplied.',
        'T4\tOrganisation 0 4\tMota',
        'R1\tResponds_to Arg1:T1 Arg2:T9',
        'E1\tStatement:T1 Theme:T4',
        'T1\tOrganisation 0 4\tMeta',
        '#1\tAnnotatorNotes T1\tvalue: {"min":5,"max":1}',
      ].join('\n'),
      'bad/orphan.ann': 'T1\tOrganisation 0 1\tM\n',
    }),
  );
  const problems = result.ok ? [] : result.problems;
  const at = (line: number) => problems.filter((p) => p.file === 'bad/a.ann' && p.line === line);

  it('fails as a whole', () => {
    expect(result.ok).toBe(false);
  });

  it('names the file and line of each bad line, and what is wrong', () => {
    expect(at(1)).toEqual([]);
    expect(at(2)[0]?.message).toMatch(/T2: expected .*Type start end<tab>text/);
    expect(at(3)[0]?.message).toMatch(/T3: .*40–50 ends past the text, which has 45 characters/);
    expect(at(4)[0]?.message).toMatch(/T4: the text says "Mota" but the \.txt has "Meta"/);
    expect(at(5)[0]?.message).toMatch(/R1: T9 is not a text-bound annotation/);
    expect(at(6)[0]?.message).toMatch(/E1: T4 is not a text-bound annotation or event of this file/);
    expect(at(7)[0]?.message).toMatch(/T1 is used twice/);
    expect(at(8)[0]?.message).toMatch(/#1: the figure value is not valid: min must not be greater than max/);
  });

  it('reports an .ann without its .txt', () => {
    expect(problems).toContainEqual({
      file: 'bad/orphan.ann',
      message: expect.stringMatching(/has no orphan\.txt beside it/),
    });
  });

  it('reports nothing it should not', () => {
    expect(problems).toHaveLength(8);
  });
});
