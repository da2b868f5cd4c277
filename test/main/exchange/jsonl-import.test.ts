import { describe, expect, it } from 'vitest';
import { jsonlExport, jsonlImport } from '../../../main/exchange/formats/jsonl';
import { codePointsToUtf16 } from '../../../main/exchange/formats/jsonl-text';
import type { ImportPlan } from '../../../main/exchange/import-plan';
import { codePointToUtf16 } from '../../../shared/text/offsets';
import { sampleDataset } from '../../support/sample-dataset';

const encode = (text: string) => new TextEncoder().encode(text);

function planOf(files: Record<string, string>): ImportPlan {
  const result = jsonlImport.read(new Map(Object.entries(files).map(([path, text]) => [path, encode(text)])));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

describe('JSONL import of a Gloss export', () => {
  const dataset = sampleDataset();
  const [file] = jsonlExport.write(dataset, {});
  const plan = planOf({ [file!.path]: String(file!.content) });
  const codes = new Map(dataset.codebook.codes.map((c) => [c.id, c]));
  const register = new Map(dataset.stakeholders.map((s) => [s.id, s]));

  it('gives back every document at its key, with its text', () => {
    expect(plan.documents.map((d) => [d.path, d.text])).toEqual(
      dataset.documents.map((d) => [d.key, d.text]),
    );
  });

  it('gives back every annotation with UTF-16 offsets, code, quote, stakeholder, value, note and author', () => {
    for (const [i, source] of dataset.documents.entries()) {
      const planned = plan.documents[i]!;
      expect(planned.annotations).toHaveLength(source.annotations.length);
      for (const a of source.annotations) {
        const back = planned.annotations.find((p) => p.sourceId === a.id)!;
        expect([back.start, back.end]).toEqual([a.target.start, a.target.end]);
        expect(planned.text.slice(back.start, back.end)).toBe(a.target.quote);
        expect(back.code).toBe(codes.get(a.code)!.name);
        expect(back.stakeholder).toBe(a.stakeholderId && register.get(a.stakeholderId)!.name);
        expect(back.value).toEqual(a.value);
        expect(back.note).toBe(a.note);
        expect([back.author, back.created, back.modified]).toEqual([a.author, a.created, a.modified]);
      }
    }
  });

  it('gives back the relations by type name and annotation', () => {
    const typeNames = new Map(dataset.codebook.relationTypes.map((t) => [t.id, t.name]));
    for (const [i, source] of dataset.documents.entries()) {
      expect(plan.documents[i]!.relations).toEqual(
        source.relations.map((r) => ({ type: typeNames.get(r.type), from: r.from, to: r.to })),
      );
    }
    const used = dataset.documents.flatMap((d) => d.relations.map((r) => typeNames.get(r.type)));
    expect(plan.relationTypes.sort()).toEqual([...new Set(used)].sort());
  });

  it('lists the codes used under their groups, and the groups with the role their spans show', () => {
    const used = new Set(dataset.documents.flatMap((d) => d.annotations.map((a) => a.code)));
    for (const id of used) {
      const code = codes.get(id)!;
      expect(plan.codes).toContainEqual({ name: code.name, group: codes.get(code.parentId!)!.name });
    }
    expect(plan.codes).toContainEqual({ name: 'Figures', codable: false, role: 'figure' });
    expect(plan.codes).toContainEqual({ name: 'Stakeholders', codable: false, role: 'stakeholder' });
  });

  it('lists the stakeholders mentioned, by name and kind', () => {
    const mentioned = new Set(dataset.documents.flatMap((d) => d.annotations.map((a) => a.stakeholderId)));
    const expected = dataset.stakeholders
      .filter((s) => mentioned.has(s.id))
      .map((s) => ({ name: s.name, kind: s.kind }));
    expect(plan.stakeholders).toEqual(expect.arrayContaining(expected));
    expect(plan.stakeholders).toHaveLength(expected.length);
  });
});

describe('JSONL import of other tools’ shapes', () => {
  // "😀 " is one code point but two UTF-16 units, so every offset after it moves by one.
  const text = '😀 Acme hired Zoë in 北京.';

  it('reads doccano’s "label" triples, with code-point offsets', () => {
    const plan = planOf({
      'all.jsonl': JSON.stringify({
        text,
        label: [
          [2, 6, 'ORG'],
          [13, 16, 'PER'],
        ],
      }),
    });
    const [document] = plan.documents;
    expect(document!.path).toBe('doc-1.txt');
    expect(document!.annotations.map((a) => [text.slice(a.start, a.end), a.code])).toEqual([
      ['Acme', 'ORG'],
      ['Zoë', 'PER'],
    ]);
    expect(plan.codes).toEqual([{ name: 'ORG' }, { name: 'PER' }]);
  });

  it('reads doccano’s "entities" and "relations"', () => {
    const line = {
      text,
      entities: [
        { id: 7, label: 'ORG', start_offset: 2, end_offset: 6 },
        { id: 8, label: 'PER', start_offset: 13, end_offset: 16 },
      ],
      relations: [{ id: 1, from_id: 7, to_id: 8, type: 'hired' }],
    };
    const plan = planOf({ 'x.jsonl': JSON.stringify(line) });
    expect(plan.documents[0]!.relations).toEqual([{ type: 'hired', from: '7', to: '8' }]);
    expect(plan.relationTypes).toEqual(['hired']);
  });

  it('reads spaCy and Prodigy spans, and spaCy’s "ents", one document per line', () => {
    const lines = [
      { text, spans: [{ start: 2, end: 6, label: 'ORG', token_start: 1, token_end: 1 }] },
      { text, ents: [{ start: 20, end: 22, label: 'GPE' }] },
    ];
    const plan = planOf({ 'spans.jsonl': lines.map((l) => JSON.stringify(l)).join('\r\n') });
    expect(plan.documents.map((d) => d.path)).toEqual(['doc-1.txt', 'doc-2.txt']);
    expect(plan.documents.map((d) => d.annotations.map((a) => text.slice(a.start, a.end)))).toEqual([
      ['Acme'],
      ['北京'],
    ]);
  });

  it('makes a key a .txt path, and reads only the .jsonl files of a folder', () => {
    const line = JSON.stringify({ key: 'news/a.html', text: 'x', spans: [] });
    const plan = planOf({ 'data/a.jsonl': line, 'data/readme.md': 'not json' });
    expect(plan.documents.map((d) => d.path)).toEqual(['news/a.html.txt']);
  });

  it('moves offsets to where they land once the text has "\\n" line endings and no BOM', () => {
    const windows = '\uFEFFLine one\r\nTwo\r\n😀 Acme';
    const plan = planOf({
      'w.jsonl': JSON.stringify({
        text: windows,
        spans: [{ start: 18, end: 22, label: 'ORG', text: 'Acme' }],
      }),
    });
    const [document] = plan.documents;
    expect(document!.text).toBe('Line one\nTwo\n😀 Acme');
    const [annotation] = document!.annotations;
    expect(document!.text.slice(annotation!.start, annotation!.end)).toBe('Acme');
  });
});

describe('codePointsToUtf16', () => {
  it('agrees with codePointToUtf16 for every offset, in any order', () => {
    const text = 'a😀b\u{1F468}\u200D\u{1F469}c\uD800d';
    const offsets = [...Array(12).keys()].reverse();
    expect(codePointsToUtf16(text, offsets)).toEqual(offsets.map((o) => codePointToUtf16(text, o)));
  });
});
