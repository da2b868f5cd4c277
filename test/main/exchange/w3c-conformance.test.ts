import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnySchema, ValidateFunction } from 'ajv';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { webAnnotationExport } from '../../../main/exchange/formats/w3c/write-web-annotation';
import { REPO } from '../../support/corpus';
import { sampleDataset } from '../../support/sample-dataset';

/**
 * The W3C Web Annotation data model test suite (../shared/conformance/w3c-annotation, beside the
 * clone, read in place): every MUST assertion of annotationMusts.test, each a draft-04 JSON Schema
 * whose `expectedResult` says whether a conforming annotation is valid against it, run against
 * every annotation Gloss exports.
 */
const SUITE = resolve(REPO, '../shared/conformance/w3c-annotation');

interface Assertion {
  file: string;
  title: string;
  expected: boolean;
  validate: ValidateFunction;
}

function loadMusts(): Assertion[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The assertions reference the shared definitions by their ids ("bodyTarget.json#/definitions/…").
  for (const name of readdirSync(join(SUITE, 'definitions')).filter((n) => n.endsWith('.json'))) {
    ajv.addSchema(readJson(join(SUITE, 'definitions', name)) as AnySchema);
  }
  const musts = readJson(join(SUITE, 'annotations/annotationMusts.test')) as { assertions: string[] };
  return musts.assertions.map((file) => {
    const schema = readJson(join(SUITE, file)) as { title: string; expectedResult: string };
    return {
      file,
      title: schema.title,
      expected: schema.expectedResult === 'valid',
      validate: ajv.compile(schema as AnySchema),
    };
  });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A realistic export: stakeholders, figures with values, notes (on tags and on a relation), relations, emoji. */
function exportedAnnotations(): Record<string, unknown>[] {
  const dataset = sampleDataset();
  dataset.documents[0]!.relations[0]!.note = 'TikTok 😀 raises it, “per Zoë”';
  const [file] = webAnnotationExport.write(dataset, {});
  return JSON.parse(file!.content as string).first.items;
}

describe('W3C Web Annotation conformance of the export (annotationMusts.test)', () => {
  const assertions = loadMusts();
  const annotations = exportedAnnotations();

  it('reads the whole MUST list of the suite and exports every kind of annotation', () => {
    expect(assertions.length).toBe(54);
    const motivations = new Set(annotations.map((a) => a.motivation));
    expect(motivations).toEqual(new Set(['tagging', 'linking']));
    const purposes = new Set(
      annotations.flatMap((a) => (a.body as { purpose: string }[]).map((b) => b.purpose)),
    );
    expect(purposes).toEqual(new Set(['tagging', 'identifying', 'describing', 'commenting', 'classifying']));
  });

  it('passes every MUST assertion with every exported annotation', () => {
    const failures: string[] = [];
    for (const annotation of annotations) {
      for (const assertion of assertions) {
        const valid = assertion.validate(annotation) as boolean;
        if (valid !== assertion.expected) {
          failures.push(`${annotation.id} fails ${assertion.file} (${assertion.title})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('tells a non-conforming annotation apart (the assertions are live, not vacuous)', () => {
    const tagging = annotations.find((a) => a.motivation === 'tagging')!;
    const purposeOnResource = {
      ...tagging,
      body: [{ id: 'gloss:code/stakeholder', purpose: 'tagging', value: 'Stakeholder' }],
    };
    const noPurpose = assertions.find((a) => a.file.endsWith('3.3.5-bodyEWRNoPurpose.json'))!;
    expect(noPurpose.validate(purposeOnResource)).toBe(false);
    const bothBodies = { ...tagging, bodyValue: 'Stakeholder' };
    const notBoth = assertions.find((a) => a.file.endsWith('3.2.5-notBodyBodyValue.json'))!;
    expect(notBoth.validate(bothBodies)).toBe(!notBoth.expected);
  });
});
