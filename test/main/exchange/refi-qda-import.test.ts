import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { qdcImport, qdpxImport } from '../../../main/exchange/formats/refi-qda';
import type { ImportResult } from '../../../main/exchange/import-plan';

const VENDOR_QDE = readFileSync(
  join(import.meta.dirname, '../../fixtures/refi-qda/vendor-project.qde'),
  'utf8',
);
// Kept here rather than as files so that no checkout can turn their CR LF into LF.
const INTERVIEW = 'Interview 1\r\n\r\nQ: Do you trust the app 😀?\r\nA: Privacy worries me.\r\n';
const FIELD_NOTES = 'Field notes\r\nThe 北京 office said no.\r\n';

function vendorQdpx(qde = VENDOR_QDE): Map<string, Uint8Array> {
  const zip = zipSync({
    'project.qde': strToU8(qde),
    // The project says internal://50000000-….txt; this tool wrote the folder and GUID in other cases.
    'Sources/50000000-0000-4000-8000-000000000001.TXT': strToU8(INTERVIEW),
    'sources/field notes.txt': strToU8(FIELD_NOTES),
  });
  return new Map([['pilot.qdpx', zip]]);
}

function plan(result: ImportResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.plan;
}

function problems(result: ImportResult) {
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems;
}

/** The one-based line of the fixture that contains `text`. */
function lineOf(source: string, text: string): number {
  return source.slice(0, source.indexOf(text)).split('\n').length;
}

describe('REFI-QDA import of another tool’s project', () => {
  it('reads texts with CR LF as LF, moving positions so each passage is what the tool selected', () => {
    const { documents } = plan(qdpxImport.read(vendorQdpx()));
    expect(documents.map((d) => d.path)).toEqual(['Interview 1.txt', 'Field notes.txt']);
    expect(documents.map((d) => d.text)).toEqual(
      [INTERVIEW, FIELD_NOTES].map((t) => t.replaceAll('\r\n', '\n')),
    );
    const passages = documents.flatMap((d) =>
      d.annotations.map((a) => [d.text.slice(a.start, a.end), a.code]),
    );
    expect(passages).toEqual([
      ['the app 😀', 'Trust'],
      ['Privacy worries me.', 'Privacy'],
      ['Privacy', 'Trust'],
      ['Privacy', 'Privacy'],
      ['北京 office', 'Trust'],
    ]);
  });

  it('takes authors, notes, descriptions and times from the selections, codings and notes', () => {
    const [interview] = plan(qdpxImport.read(vendorQdpx())).documents;
    const [hesitates, worries] = interview!.annotations;
    expect(hesitates).toMatchObject({
      author: 'Researcher A',
      note: 'Respondent hesitates\n\nFirst memo\nline two',
      created: '2021-05-04T10:00:00.000Z',
    });
    // A time without a zone is read as UTC; a selection without a user is the importing annotator's.
    expect(worries).toMatchObject({ created: '2021-05-04T10:05:00.000Z' });
    expect(worries!.author).toBeUndefined();
  });

  it('reads the nested codebook and the links between selections, and passes over the rest', () => {
    const result = plan(qdpxImport.read(vendorQdpx()));
    expect(result.codes).toEqual([
      { name: 'Themes', color: '#3399ff', description: 'Top-level themes', codable: false },
      { name: 'Trust', group: 'Themes', color: '#aa0000', codable: true },
      { name: 'Privacy', group: 'Themes', codable: true },
    ]);
    const [interview, notes] = result.documents;
    const [hesitates, worries] = interview!.annotations;
    expect(interview!.relations).toEqual([
      { type: 'contrasts', from: hesitates!.sourceId, to: worries!.sourceId },
    ]);
    // A link from a code, and a case of interviewees, have no place in Gloss.
    expect(notes!.relations).toEqual([]);
    expect(result.stakeholders).toEqual([]);
    expect(result.relationTypes).toEqual(['contrasts']);
  });

  it('takes the files of an unpacked .qdpx as well as the zip', () => {
    const unpacked = new Map([
      ['project.qde', strToU8(VENDOR_QDE)],
      ['sources/50000000-0000-4000-8000-000000000001.txt', strToU8(INTERVIEW)],
      ['sources/field notes.txt', strToU8(FIELD_NOTES)],
    ]);
    expect(plan(qdpxImport.read(unpacked)).documents).toHaveLength(2);
  });
});

describe('REFI-QDA import of bad input', () => {
  it('says when the file is not a zip', () => {
    const result = qdpxImport.read(new Map([['project.qdpx', strToU8('<Project name="x"/>')]]));
    expect(problems(result)).toEqual([{ file: 'project.qdpx', message: expect.stringMatching(/not a zip/) }]);
  });

  it('says when the zip has no project.qde', () => {
    const zip = zipSync({ 'sources/a.txt': strToU8('text') });
    const result = qdpxImport.read(new Map([['project.qdpx', zip]]));
    expect(problems(result)).toEqual([
      { file: 'project.qdpx', message: expect.stringMatching(/project\.qde/) },
    ]);
  });

  it('names the file and line of a selection that runs past the end of its text', () => {
    const qde = VENDOR_QDE.replace(
      'startPosition="46" endPosition="65"',
      'startPosition="46" endPosition="650"',
    );
    expect(problems(qdpxImport.read(vendorQdpx(qde)))).toEqual([
      {
        file: 'pilot.qdpx:project.qde',
        line: lineOf(qde, 'endPosition="650"'),
        message: expect.stringMatching(/past the end/),
      },
    ]);
  });

  it('names the line where the XML stops being well-formed', () => {
    const qde = VENDOR_QDE.replace('</CodeBook>', '</Codebook>');
    expect(problems(qdpxImport.read(vendorQdpx(qde)))).toEqual([
      { file: 'pilot.qdpx:project.qde', line: lineOf(qde, '</Codebook>'), message: expect.any(String) },
    ]);
  });

  it('reports a source text that is missing from the archive', () => {
    const zip = zipSync({
      'project.qde': strToU8(VENDOR_QDE),
      'sources/field notes.txt': strToU8(FIELD_NOTES),
    });
    expect(problems(qdpxImport.read(new Map([['pilot.qdpx', zip]])))).toEqual([
      {
        file: 'pilot.qdpx:project.qde',
        line: lineOf(VENDOR_QDE, '<TextSource '),
        message: expect.stringMatching(/Interview 1\.docx.*not in the archive/),
      },
    ]);
  });

  it('reports every coding of a code that is not in the codebook', () => {
    const qde = VENDOR_QDE.replaceAll(
      'C0DE0000-0000-4000-8000-000000000003"/>',
      'C0DE0000-0000-4000-8000-000000000099"/>',
    );
    const found = problems(qdpxImport.read(vendorQdpx(qde)));
    expect(found.map((p) => p.message)).toEqual([
      expect.stringMatching(/not in the codebook/),
      expect.stringMatching(/not in the codebook/),
    ]);
    expect(found.every((p) => p.line && qde.split('\n')[p.line - 1]!.includes('000000000099'))).toBe(true);
  });

  it('refuses a codebook whose root is not a CodeBook', () => {
    const result = qdcImport.read(new Map([['codes.qdc', strToU8(VENDOR_QDE)]]));
    expect(problems(result)).toEqual([
      {
        file: 'codes.qdc',
        line: lineOf(VENDOR_QDE, '<Project '),
        message: expect.stringMatching(/CodeBook/),
      },
    ]);
  });
});
