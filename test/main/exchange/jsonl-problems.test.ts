import { describe, expect, it } from 'vitest';
import { jsonlImport } from '../../../main/exchange/formats/jsonl';
import type { ImportProblem } from '../../../main/exchange/import-plan';

function problemsOf(content: string, file = 'in.jsonl'): ImportProblem[] {
  const result = jsonlImport.read(new Map([[file, new TextEncoder().encode(content)]]));
  if (result.ok) throw new Error('expected problems, got a plan');
  return result.problems;
}

const good = JSON.stringify({
  text: 'Acme hired Zoë.',
  spans: [{ start: 0, end: 4, label: 'ORG', text: 'Acme' }],
});

describe('JSONL import problems', () => {
  it('names the file and line of a line that is not JSON, and nothing else', () => {
    const problems = problemsOf([good, '{"text": "x", "spans": [', good.replace('Acme', 'Acme')].join('\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: 'in.jsonl',
      line: 2,
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it('reports a span that ends past the text, counting blank lines', () => {
    const past = JSON.stringify({ text: 'Zoë', spans: [{ start: 1, end: 4, label: 'PER' }] });
    const problems = problemsOf(`${good}\n\n${past}\n`);
    expect(problems).toEqual([
      { file: 'in.jsonl', line: 3, message: expect.stringMatching(/past the text.*3 characters/) },
    ]);
  });

  it('reports a span whose text is not the document’s text there (UTF-16 offsets, for one)', () => {
    // Offsets a JavaScript tool would write: UTF-16, one too many after the emoji.
    const utf16 = JSON.stringify({
      text: '😀 Acme Ltd',
      spans: [{ start: 3, end: 7, label: 'ORG', text: 'Acme' }],
    });
    const [problem, ...rest] = problemsOf(utf16);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      line: 1,
      message: expect.stringMatching(/"Acme" is not the document’s "cme "/),
    });
  });

  it('reports shapes it does not know, and fields of the wrong type, by line and field', () => {
    const lines = [
      JSON.stringify({ text: 'x', annotations: [] }),
      JSON.stringify([1, 2]),
      JSON.stringify({ text: 'x', label: ['POSITIVE'] }),
      JSON.stringify({ text: 'x', spans: [{ start: '0', end: 1, label: 'A' }] }),
      JSON.stringify({ spans: [] }),
    ];
    const problems = problemsOf(lines.join('\n'));
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(problems[0]!.message).toMatch(/unknown shape/);
    expect(problems[2]!.message).toMatch(/^label\[0\]/);
    expect(problems[3]!.message).toMatch(/^spans\[0\]\.start/);
    expect(problems[4]!.message).toMatch(/^text/);
  });

  it('reports empty spans, duplicate ids, relations to missing spans and documents given twice', () => {
    const lines = [
      { key: 'a.txt', text: 'abc', spans: [{ id: 's', start: 1, end: 1, label: 'A' }] },
      {
        key: 'b.txt',
        text: 'abc',
        spans: [
          { id: 's', start: 0, end: 1, label: 'A' },
          { id: 's', start: 1, end: 2, label: 'A' },
        ],
      },
      { key: 'c.txt', text: 'abc', spans: [], relations: [{ type: 'raises', from: 'x', to: 'y' }] },
      { key: 'd.txt', text: 'abc', spans: [] },
      { key: 'd.txt', text: 'abc', spans: [] },
      { key: '../e.txt', text: 'abc', spans: [] },
    ];
    const problems = problemsOf(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [1, expect.stringMatching(/start is not before the end/)],
      [2, expect.stringMatching(/"s" is used twice/)],
      [3, expect.stringMatching(/no span "x"/)],
      [3, expect.stringMatching(/no span "y"/)],
      [5, expect.stringMatching(/"d.txt" is also on line 4/)],
      [6, expect.stringMatching(/^key "\.\.\/e\.txt"/)],
    ]);
  });

  it('reports a code in two groups and a stakeholder of two kinds where the second is seen', () => {
    const span = (group: string, kind: string) => ({
      start: 0,
      end: 4,
      label: 'Firm',
      group,
      stakeholder: { name: 'Acme', kind },
    });
    const lines = [
      { key: 'a.txt', text: 'Acme', spans: [span('Stakeholders', 'company')] },
      { key: 'b.txt', text: 'Acme', spans: [span('Actors', 'ngo')] },
    ];
    const problems = problemsOf(lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [2, expect.stringMatching(/"Firm" is in the group "Actors" here but in "Stakeholders" on line 1/)],
      [2, expect.stringMatching(/"Acme" is a ngo here but a company on line 1/)],
    ]);
  });

  it('says so when there is nothing to import', () => {
    expect(problemsOf('\n\n')).toEqual([{ file: 'in.jsonl', message: 'no documents in the file' }]);
    const none = jsonlImport.read(
      new Map([
        ['a.txt', new Uint8Array()],
        ['b.txt', new Uint8Array()],
      ]),
    );
    expect(none.ok).toBe(false);
  });
});
