import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { webAnnotationExport } from '../../../main/exchange/formats/w3c/write-web-annotation';
import { utf16ToCodePoint } from '../../../shared/text/offsets';
import { sampleDataset } from '../../support/sample-dataset';

interface Item {
  '@context': string;
  id: string;
  type: string;
  motivation: string;
  creator: { type: string; name: string };
  body: {
    type: string;
    id?: string;
    purpose: string;
    value: string;
    format?: string;
    'gloss:code'?: string;
    'gloss:stakeholder'?: string;
  }[];
  target:
    | string[]
    | {
        source: string;
        selector: {
          type: string;
          exact?: string;
          prefix?: string;
          suffix?: string;
          start?: number;
          end?: number;
        }[];
      };
}

function exported() {
  const files = webAnnotationExport.write(sampleDataset(), {});
  expect(files.map((f) => f.path)).toEqual(['annotations.jsonld']);
  return { json: files[0]!.content as string, collection: JSON.parse(files[0]!.content as string) };
}

describe('W3C Web Annotation export', () => {
  it('is an AnnotationCollection with an embedded AnnotationPage of Annotations, each with the W3C context', () => {
    const { collection } = exported();
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.first.type).toBe('AnnotationPage');
    const items: Item[] = collection.first.items;
    const dataset = sampleDataset();
    const tags = dataset.documents.flatMap((d) => d.annotations);
    const relations = dataset.documents.flatMap((d) => d.relations);
    expect(items).toHaveLength(tags.length + relations.length);
    expect(collection.total).toBe(items.length);
    for (const item of items) {
      // Each item stands alone (e.g. to be posted to an annotation server), so it carries the context.
      expect(item['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(item.type).toBe('Annotation');
      expect(item.creator.type).toBe('Person');
      expect(['alice', 'bob']).toContain(item.creator.name);
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  });

  it('gives each tag a tagging body, and bodies for its stakeholder, value and note by purpose', () => {
    const dataset = sampleDataset();
    const items: Item[] = exported().collection.first.items;
    const tags = items.filter((i) => i.motivation === 'tagging');
    const annotations = dataset.documents.flatMap((d) => d.annotations);
    expect(tags).toHaveLength(annotations.length);
    for (const [n, annotation] of annotations.entries()) {
      const body = (purpose: string) => tags[n]!.body.find((b) => b.purpose === purpose);
      const code = dataset.codebook.codes.find((c) => c.id === annotation.code)!;
      expect(body('tagging')).toMatchObject({ type: 'TextualBody', value: code.name });
      // The code's IRI rides in gloss:code: an `id` would make the body an External Web Resource,
      // which must not have a purpose.
      expect(body('tagging')!['gloss:code']).toBe(`gloss:code/${code.id}`);
      expect(tags[n]!.body.every((b) => b.id === undefined)).toBe(true);
      const stakeholder = dataset.stakeholders.find((s) => s.id === annotation.stakeholderId);
      expect(body('identifying')?.value).toBe(stakeholder?.name);
      expect(body('identifying')?.['gloss:stakeholder']).toBe(
        stakeholder ? `gloss:stakeholder/${stakeholder.id}` : undefined,
      );
      if (annotation.value) {
        expect(body('describing')!.format).toBe('application/json');
        expect(JSON.parse(body('describing')!.value)).toEqual(annotation.value);
      } else expect(body('describing')).toBeUndefined();
      expect(body('commenting')?.value).toBe(annotation.note);
    }
  });

  it('links relations as "linking" annotations whose two targets are the linked annotations, from then to', () => {
    const dataset = sampleDataset();
    const items: Item[] = exported().collection.first.items;
    const links = items.filter((i) => i.motivation === 'linking');
    const relations = dataset.documents.flatMap((d) => d.relations);
    expect(links).toHaveLength(relations.length);
    const idOf = new Map(
      items
        .filter((i) => i.motivation === 'tagging')
        .map((item, n) => [dataset.documents.flatMap((d) => d.annotations)[n]!.id, item.id]),
    );
    for (const [n, relation] of relations.entries()) {
      expect(links[n]!.target).toEqual([idOf.get(relation.from), idOf.get(relation.to)]);
      const type = dataset.codebook.relationTypes.find((t) => t.id === relation.type)!;
      expect(links[n]!.body.find((b) => b.purpose === 'classifying')?.value).toBe(type.name);
    }
  });

  it('counts TextPositionSelector offsets in code points, so Python slicing the embedded text finds each quote', () => {
    const { json } = exported();
    const script = `
import json, sys
collection = json.load(sys.stdin)
texts = {d["id"]: d["value"] for d in collection["gloss:documents"]}
checked, wrong = 0, []
for item in collection["first"]["items"]:
    if item["motivation"] != "tagging":
        continue
    target = item["target"]
    selectors = {s["type"]: s for s in target["selector"]}
    position, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
    text = texts[target["source"]]
    checked += 1
    if text[position["start"]:position["end"]] != quote["exact"]:
        wrong.append(item["id"])
    if not text[:position["start"]].endswith(quote["prefix"]) or not text[position["end"]:].startswith(quote["suffix"]):
        wrong.append(item["id"] + " context")
print(json.dumps({"checked": checked, "wrong": wrong}))
`;
    const python = spawnSync('python3', ['-c', script], { input: json, encoding: 'utf8' });
    expect(python.stderr).toBe('');
    const result = JSON.parse(python.stdout);
    const annotations = sampleDataset().documents.flatMap((d) => d.annotations);
    expect(result).toEqual({ checked: annotations.length, wrong: [] });
  });

  it('would fail that check with Gloss’s own UTF-16 offsets, since the sample has emoji before its passages', () => {
    // Keeps the Python check honest: it could not pass by accident with unconverted offsets.
    const shifted = sampleDataset().documents.flatMap((d) =>
      d.annotations.filter((a) => utf16ToCodePoint(d.text, a.target.start) !== a.target.start),
    );
    expect(shifted.length).toBeGreaterThan(0);
  });

  it('embeds every document’s text under its IRI, with its title', () => {
    const dataset = sampleDataset();
    const embedded = exported().collection['gloss:documents'];
    expect(embedded.map((d: { value: string }) => d.value)).toEqual(dataset.documents.map((d) => d.text));
    expect(embedded.map((d: { label: string }) => d.label)).toEqual(dataset.documents.map((d) => d.title));
  });
});
