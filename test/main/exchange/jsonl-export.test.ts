import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonlExport } from '../../../main/exchange/formats/jsonl';
import type { JsonlDocument } from '../../../main/exchange/formats/jsonl-record';
import { sampleDataset } from '../../support/sample-dataset';

const dir = mkdtempSync(join(tmpdir(), 'gloss-jsonl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exported(): { path: string; content: string } {
  const files = jsonlExport.write(sampleDataset(), {});
  expect(files).toHaveLength(1);
  const [file] = files;
  return { path: file!.path, content: String(file!.content) };
}

describe('JSONL export', () => {
  it('writes one JSON document per line, in the dataset’s order', () => {
    const { path, content } = exported();
    expect(path).toMatch(/\.jsonl$/);
    expect(content.endsWith('\n')).toBe(true);
    const records = content
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as JsonlDocument);
    expect(records.map((r) => r.key)).toEqual(sampleDataset().documents.map((d) => d.key));
  });

  it('counts code points, so that Python’s text[start:end] is each span’s text', () => {
    const dataset = sampleDataset();
    // The check below means something only if UTF-16 offsets would fail it: some span follows an emoji.
    const shifted = dataset.documents.some((d) =>
      d.annotations.some((a) => [...d.text.slice(0, a.target.start)].length !== a.target.start),
    );
    expect(shifted).toBe(true);

    const file = join(dir, 'documents.jsonl');
    writeFileSync(file, exported().content, 'utf8');
    const script = `
import json, sys
checked = wrong = 0
with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        doc = json.loads(line)
        for s in doc['spans']:
            checked += 1
            if doc['text'][s['start']:s['end']] != s['text']:
                wrong += 1
print(json.dumps({'checked': checked, 'wrong': wrong}))
`;
    const python = spawnSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(python.stderr).toBe('');
    const total = dataset.documents.reduce((n, d) => n + d.annotations.length, 0);
    expect(JSON.parse(python.stdout)).toEqual({ checked: total, wrong: 0 });
  });

  it('names codes, groups, stakeholders and relation types as the codebook and register do', () => {
    const dataset = sampleDataset();
    const [cafe] = exported()
      .content.split('\n')
      .map((line) => JSON.parse(line || 'null') as JsonlDocument);
    const source = dataset.documents[0]!;
    const codes = new Map(dataset.codebook.codes.map((c) => [c.id, c]));
    for (const [i, span] of cafe!.spans.entries()) {
      const a = source.annotations[i]!;
      const code = codes.get(a.code)!;
      expect(span).toMatchObject({ id: a.id, label: code.name, code: a.code, annotator: a.author });
      expect(span.group).toBe(codes.get(code.parentId!)!.name);
      if (a.stakeholderId) {
        const s = dataset.stakeholders.find((x) => x.id === a.stakeholderId)!;
        expect(span.stakeholder).toEqual({ id: s.id, name: s.name, kind: s.kind });
      } else expect(span.stakeholder).toBeUndefined();
      expect(span.value).toEqual(a.value);
      expect(span.note).toBe(a.note);
    }
    const typeNames = new Map(dataset.codebook.relationTypes.map((t) => [t.id, t.name]));
    expect(cafe!.relations).toEqual(
      source.relations.map((r) => ({
        id: r.id,
        type: typeNames.get(r.type),
        from: r.from,
        to: r.to,
        annotator: r.author,
      })),
    );
  });

  it('keeps U+2028 and U+2029 escaped, so no reader splits a line at them', () => {
    const dataset = sampleDataset();
    dataset.documents[0]!.note = 'one\u2028two\u2029three';
    const content = String(jsonlExport.write(dataset, {})[0]!.content);
    expect(content).not.toMatch(/[\u2028\u2029]/);
    expect((JSON.parse(content.split('\n')[0]!) as JsonlDocument).note).toBe('one\u2028two\u2029three');
  });
});
