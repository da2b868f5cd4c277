import { describe, expect, it } from 'vitest';
import { webAnnotationImport } from '../../../main/exchange/formats/w3c/read-web-annotation';
import { webAnnotationExport } from '../../../main/exchange/formats/w3c/write-web-annotation';
import type { ImportResult } from '../../../main/exchange/import-plan';
import { sampleDataset } from '../../support/sample-dataset';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit the exported JSON freely
type Json = any;

function exportedJson(): Json {
  return JSON.parse(webAnnotationExport.write(sampleDataset(), {})[0]!.content as string);
}

function importText(text: string, path = 'annotations.jsonld'): ImportResult {
  return webAnnotationImport.read(new Map([[path, new TextEncoder().encode(text)]]));
}

function planOf(result: ImportResult) {
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.plan;
}

/** The exported tag whose TextQuoteSelector quotes `exact` (the `nth` such one). */
function itemQuoting(json: Json, exact: string, nth = 0): Json {
  return json.first.items.filter((i: Json) =>
    i.target.selector?.some((s: Json) => s.type === 'TextQuoteSelector' && s.exact === exact),
  )[nth];
}

describe('W3C Web Annotation import', () => {
  it('reads an export back: documents, offsets, codes, stakeholders, values, notes, authors and times', () => {
    const dataset = sampleDataset();
    const plan = planOf(importText(JSON.stringify(exportedJson())));
    expect(plan.documents.map((d) => d.path)).toEqual(dataset.documents.map((d) => d.key));
    for (const [n, document] of dataset.documents.entries()) {
      const planned = plan.documents[n]!;
      expect(planned.text).toBe(document.text);
      expect(planned.annotations).toHaveLength(document.annotations.length);
      for (const [i, annotation] of document.annotations.entries()) {
        const read = planned.annotations[i]!;
        // Back in UTF-16 units, so the quote is where Gloss had it.
        expect([read.start, read.end]).toEqual([annotation.target.start, annotation.target.end]);
        expect(planned.text.slice(read.start, read.end)).toBe(annotation.target.quote);
        expect(read.code).toBe(dataset.codebook.codes.find((c) => c.id === annotation.code)!.name);
        expect(read.stakeholder).toBe(
          dataset.stakeholders.find((s) => s.id === annotation.stakeholderId)?.name,
        );
        expect(read.value).toEqual(annotation.value);
        expect(read.note).toBe(annotation.note);
        expect(read).toMatchObject({
          author: annotation.author,
          created: annotation.created,
          modified: annotation.modified,
        });
      }
    }
  });

  it('still reads files of earlier Gloss versions, whose bodies carried the IRI as their id', () => {
    const current = planOf(importText(JSON.stringify(exportedJson())));
    const json = exportedJson();
    for (const item of json.first.items) {
      for (const body of item.body) {
        const iri = body['gloss:code'] ?? body['gloss:stakeholder'] ?? body['gloss:relationType'];
        delete body['gloss:code'];
        delete body['gloss:stakeholder'];
        delete body['gloss:relationType'];
        if (iri) body.id = iri;
      }
    }
    expect(json.first.items[0].body[0].id).toMatch(/^gloss:code\//);
    expect(planOf(importText(JSON.stringify(json)))).toEqual(current);
  });

  it('reads relations back between the right annotations, and the codebook and register', () => {
    const dataset = sampleDataset();
    const plan = planOf(importText(JSON.stringify(exportedJson())));
    for (const [n, document] of dataset.documents.entries()) {
      const planned = plan.documents[n]!;
      const sourceIdOf = (id: string) =>
        planned.annotations[document.annotations.findIndex((a) => a.id === id)]!.sourceId;
      expect(planned.relations).toEqual(
        document.relations.map((r) => ({ type: r.type, from: sourceIdOf(r.from), to: sourceIdOf(r.to) })),
      );
    }
    expect(plan.relationTypes.sort()).toEqual(['describes', 'raises']);
    const names = new Map(dataset.codebook.codes.map((c) => [c.id, c.name]));
    expect(plan.codes.map((c) => [c.name, c.group])).toEqual(
      dataset.codebook.codes.map((c) => [c.name, c.parentId ? names.get(c.parentId) : undefined]),
    );
    expect(plan.stakeholders.map((s) => [s.name, s.kind, s.aliases])).toEqual(
      dataset.stakeholders.map((s) => [s.name, s.kind, s.aliases]),
    );
  });

  it('re-anchors by the quote and its context when the position no longer fits the text', () => {
    const json = exportedJson();
    // The second "TikTok" (in "about TikTok."), given the position of nothing in particular:
    // the quote occurs twice, so only the prefix and suffix can pick the right one.
    const nested = itemQuoting(json, 'TikTok', 1);
    const position = nested.target.selector.find((s: Json) => s.type === 'TextPositionSelector');
    position.start = 3;
    position.end = 9;
    const plan = planOf(importText(JSON.stringify(json)));
    const cafe = sampleDataset().documents.find((d) => d.key === 'world/café.txt')!;
    const read = plan.documents[0]!.annotations.find((a) => a.sourceId === nested.id)!;
    expect(read.start).toBe(cafe.text.lastIndexOf('TikTok'));
  });

  it('re-anchors when the text was edited before the passage, and positions point past the end', () => {
    const json = exportedJson();
    const cafe = json['gloss:documents'][0];
    cafe.value = `Updated: ${cafe.value}`;
    itemQuoting(json, '北京 regulators').target.selector[1].start = 10_000;
    const plan = planOf(importText(JSON.stringify(json)));
    for (const read of plan.documents[0]!.annotations) {
      const exact = json.first.items
        .find((i: Json) => i.id === read.sourceId)
        .target.selector.find((s: Json) => s.type === 'TextQuoteSelector').exact;
      expect(cafe.value.slice(read.start, read.end)).toBe(exact);
    }
  });

  it('names the annotation whose quote cannot be found', () => {
    const json = exportedJson();
    const item = itemQuoting(json, 'ByteDance');
    item.target.selector[0].exact = 'Alphabet';
    const result = importText(JSON.stringify(json));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join()).toContain(item.id);
  });

  it('reports JSON syntax errors with their line', () => {
    // A missing comma, the usual slip when a file is edited by hand.
    const result = importText('{\n  "type": "AnnotationCollection",\n  "label": "x"\n  "first": {}\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'annotations.jsonld', line: 4 });
  });

  it('reports tags without selectors and targets of documents the file does not carry', () => {
    const json = exportedJson();
    const bare = itemQuoting(json, 'Microsoft');
    bare.target.selector = [];
    const stray = itemQuoting(json, 'ByteDance');
    stray.target.source = 'https://example.org/elsewhere.txt';
    const result = importText(JSON.stringify(json));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => p.message);
    expect(messages.find((m) => m.includes(bare.id))).toMatch(/Selector/);
    expect(messages.find((m) => m.includes(stray.id))).toContain('https://example.org/elsewhere.txt');
  });

  it('reads a plain array of annotations from another tool, naming new codes and stakeholders', () => {
    const text = 'Hello 😀 world';
    const annotations = [
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'https://example.org/anno/1',
        type: 'Annotation',
        motivation: 'tagging',
        body: [
          { type: 'TextualBody', purpose: 'tagging', value: 'Place' },
          { type: 'TextualBody', purpose: 'identifying', value: 'World' },
        ],
        target: {
          source: 'https://example.org/hello.txt',
          selector: { type: 'TextPositionSelector', start: 8, end: 13 },
        },
      },
    ];
    // Another tool has no gloss:documents, so the texts come in a collection around the array.
    const collection = {
      type: 'AnnotationPage',
      items: annotations,
      'gloss:documents': [{ id: 'https://example.org/hello.txt', value: text }],
    };
    const plan = planOf(importText(JSON.stringify(collection), 'export.json'));
    const read = plan.documents[0]!.annotations[0]!;
    expect(plan.documents[0]!.path).toBe('hello.txt');
    expect(text.slice(read.start, read.end)).toBe('world');
    expect(plan.codes).toEqual([{ name: 'Place' }]);
    expect(plan.stakeholders).toEqual([{ name: 'World', kind: 'company' }]);
  });
});
