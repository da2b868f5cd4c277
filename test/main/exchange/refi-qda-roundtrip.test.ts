import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../main/exchange/dataset';
import { qdcExport, qdcImport, qdpxExport, qdpxImport } from '../../../main/exchange/formats/refi-qda';
import type { ImportPlan, PlannedAnnotation } from '../../../main/exchange/import-plan';
import { sampleDataset } from '../../support/sample-dataset';

function roundTrip(dataset: Dataset): ImportPlan {
  const [file] = qdpxExport.write(dataset, {});
  const result = qdpxImport.read(new Map([[file!.path, file!.content as Uint8Array]]));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

/** What an annotation should come back as, in the plan's terms (names, not ids). */
function expectedAnnotations(dataset: Dataset, key: string) {
  const doc = dataset.documents.find((d) => d.key === key)!;
  const codeName = (id: string) => dataset.codebook.codes.find((c) => c.id === id)!.name;
  const stakeholderName = (id: string) => dataset.stakeholders.find((s) => s.id === id)!.name;
  return doc.annotations.map((a) => ({
    start: a.target.start,
    end: a.target.end,
    code: codeName(a.code),
    author: a.author,
    note: a.note,
    value: a.value,
    stakeholder: a.stakeholderId && stakeholderName(a.stakeholderId),
    created: a.created,
    modified: a.modified,
  }));
}

function comparable(a: PlannedAnnotation) {
  const { sourceId: _sourceId, ...rest } = a;
  return { note: undefined, value: undefined, stakeholder: undefined, ...rest };
}

describe('REFI-QDA round trip', () => {
  it('gives back every document under its key, with its text', () => {
    const dataset = sampleDataset();
    const plan = roundTrip(dataset);
    expect(plan.documents.map((d) => [d.path, d.text])).toEqual(
      dataset.documents.map((d) => [d.key, d.text]),
    );
  });

  it('gives back every annotation: UTF-16 offsets, code, author, note, figure value, stakeholder, times', () => {
    const dataset = sampleDataset();
    const plan = roundTrip(dataset);
    for (const doc of plan.documents) {
      expect(doc.annotations.map(comparable)).toEqual(expectedAnnotations(dataset, doc.path));
      for (const a of doc.annotations) {
        const original = dataset.documents.find((d) => d.key === doc.path)!;
        expect(doc.text.slice(a.start, a.end)).toBe(original.text.slice(a.start, a.end));
      }
    }
  });

  it('gives back relations between the same passages, by type name', () => {
    const dataset = sampleDataset();
    const plan = roundTrip(dataset);
    const typeName = (id: string) => dataset.codebook.relationTypes.find((t) => t.id === id)!.name;
    for (const doc of plan.documents) {
      const original = dataset.documents.find((d) => d.key === doc.path)!;
      const span = (sourceId: string) => {
        const a = doc.annotations.find((x) => x.sourceId === sourceId)!;
        return [a.start, a.end, a.code];
      };
      const originalSpan = (id: string) => {
        const a = original.annotations.find((x) => x.id === id)!;
        return [a.target.start, a.target.end, dataset.codebook.codes.find((c) => c.id === a.code)!.name];
      };
      expect(doc.relations.map((r) => [r.type, span(r.from), span(r.to)])).toEqual(
        original.relations.map((r) => [typeName(r.type), originalSpan(r.from), originalSpan(r.to)]),
      );
    }
    expect(plan.relationTypes.sort()).toEqual(['describes', 'raises']);
  });

  it('gives back the stakeholder register', () => {
    const dataset = sampleDataset();
    expect(roundTrip(dataset).stakeholders).toEqual(dataset.stakeholders.map(({ id: _id, ...s }) => s));
  });

  it('gives back the codebook, nested, with roles, in both the project and the .qdc', () => {
    const dataset = sampleDataset();
    const { codes } = dataset.codebook;
    const expected = codes.map((c) => ({
      name: c.name,
      ...(c.parentId && { group: codes.find((p) => p.id === c.parentId)!.name }),
      color: c.color,
      ...(c.description && { description: c.description }),
      ...(c.role && { role: c.role }),
      codable: c.codable,
    }));
    expect(roundTrip(dataset).codes).toEqual(expected);

    const [file] = qdcExport.write(dataset, {});
    const result = qdcImport.read(new Map([[file!.path, new TextEncoder().encode(file!.content as string)]]));
    expect(result).toEqual({
      ok: true,
      plan: { documents: [], codes: expected, stakeholders: [], relationTypes: [] },
    });
  });

  it('keeps a relation’s note and an annotation without a note apart', () => {
    const dataset = sampleDataset();
    dataset.documents[1]!.relations[0]!.note = 'from the\nsecond paragraph';
    const plan = roundTrip(dataset);
    expect(plan.documents[1]!.relations[0]!.note).toBe('from the\nsecond paragraph');
    expect(plan.documents[1]!.annotations[0]!.note).toBeUndefined();
  });
});
