import { describe, expect, it } from 'vitest';
import { bratExport, bratImport } from '../../../main/exchange/formats/brat';
import type { ImportPlan } from '../../../main/exchange/import-plan';
import { sampleDataset } from '../../support/sample-dataset';
import { asImportFiles } from './brat-support';

function roundTrip() {
  const dataset = sampleDataset();
  const result = bratImport.read(asImportFiles(bratExport.write(dataset, {})));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
  return { dataset, plan: result.plan };
}

const byPath = (plan: ImportPlan, path: string) => plan.documents.find((d) => d.path === path)!;

describe('brat export → import', () => {
  it('writes a .txt and .ann per document, named after its key', () => {
    const paths = bratExport.write(sampleDataset(), {}).map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['world/café.txt', 'world/café.ann', 'deal.txt', 'deal.ann', 'annotation.conf']),
    );
  });

  it('brings back every document with its exact text', () => {
    const { dataset, plan } = roundTrip();
    expect(plan.documents.map((d) => d.path).sort()).toEqual(dataset.documents.map((d) => d.key).sort());
    for (const document of dataset.documents) expect(byPath(plan, document.key).text).toBe(document.text);
  });

  it('brings back every annotation: UTF-16 offsets, quote, code, author, note, value, stakeholder', () => {
    const { dataset, plan } = roundTrip();
    const codeName = new Map(dataset.codebook.codes.map((c) => [c.id, c.name]));
    const stakeholderName = new Map(dataset.stakeholders.map((s) => [s.id, s.name]));
    for (const document of dataset.documents) {
      const planned = byPath(plan, document.key);
      expect(planned.annotations).toHaveLength(document.annotations.length);
      document.annotations.forEach((a, i) => {
        const p = planned.annotations[i]!;
        expect({ start: p.start, end: p.end }).toEqual({ start: a.target.start, end: a.target.end });
        expect(planned.text.slice(p.start, p.end)).toBe(a.target.quote);
        expect(p.code).toBe(codeName.get(a.code));
        expect(p.author).toBe(a.author);
        expect(p.note).toBe(a.note);
        expect(p.value).toEqual(a.value);
        expect(p.stakeholder).toBe(a.stakeholderId ? stakeholderName.get(a.stakeholderId) : undefined);
      });
    }
  });

  it('brings back relations between the same annotations, with their type names', () => {
    const { dataset, plan } = roundTrip();
    const typeName = new Map(dataset.codebook.relationTypes.map((t) => [t.id, t.name]));
    for (const document of dataset.documents) {
      const planned = byPath(plan, document.key);
      const indexOf = (sourceId: string) => planned.annotations.findIndex((a) => a.sourceId === sourceId);
      const idIndex = (id: string) => document.annotations.findIndex((a) => a.id === id);
      expect(planned.relations.map((r) => [r.type, indexOf(r.from), indexOf(r.to)])).toEqual(
        document.relations.map((r) => [typeName.get(r.type), idIndex(r.from), idIndex(r.to)]),
      );
    }
    const used = new Set(dataset.documents.flatMap((d) => d.relations.map((r) => typeName.get(r.type))));
    expect(new Set(plan.relationTypes)).toEqual(used);
  });

  it('brings back the codebook: names, groups, colours, roles, descriptions, codable', () => {
    const { dataset, plan } = roundTrip();
    const byId = new Map(dataset.codebook.codes.map((c) => [c.id, c]));
    expect(plan.codes).toHaveLength(dataset.codebook.codes.length);
    for (const code of dataset.codebook.codes) {
      const planned = plan.codes.find((c) => c.name === code.name);
      expect(planned, code.name).toBeDefined();
      expect(planned!.group).toBe(code.parentId ? byId.get(code.parentId)!.name : undefined);
      expect(planned!.color).toBe(code.color);
      expect(planned!.role).toBe(code.role);
      expect(planned!.description ?? '').toBe(code.description);
      expect(planned!.codable).toBe(code.codable);
    }
  });

  it('brings back the stakeholder register: names, kinds, aliases, countries', () => {
    const { dataset, plan } = roundTrip();
    expect(plan.stakeholders).toHaveLength(dataset.stakeholders.length);
    for (const s of dataset.stakeholders) {
      const planned = plan.stakeholders.find((p) => p.name === s.name);
      expect(planned, s.name).toBeDefined();
      expect(planned!.kind).toBe(s.kind);
      expect(planned!.aliases ?? []).toEqual(s.aliases);
      expect(planned!.country).toBe(s.country);
    }
  });

  it('keeps notes exact however they look: tabs, line breaks, backslashes, a "value: " start', () => {
    const dataset = sampleDataset();
    const notes = ['a\\nb \\ c', 'value: not a figure', '\ttab\r\nCRLF\n', '\\value: escaped already'];
    const annotations = dataset.documents[1]!.annotations;
    notes.forEach((note, i) => {
      annotations[i % annotations.length]!.note = note;
    });
    // Three annotations, four notes: the last one wins its annotation.
    const result = bratImport.read(asImportFiles(bratExport.write(dataset, {})));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const planned = byPath(result.plan, 'deal.txt').annotations;
    expect(planned.map((a) => a.note)).toEqual(annotations.map((a) => a.note));
  });
});
