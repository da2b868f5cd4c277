import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../main/exchange/dataset';
import { csvExport } from '../../../main/exchange/formats/csv';
import { sampleDataset } from '../../support/sample-dataset';

const dir = mkdtempSync(join(tmpdir(), 'gloss-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rows as Python's csv module reads the file: an independent reader, as pandas and R users have. */
function pythonRows(file: ExportFile, encoding: 'utf-8' | 'utf-8-sig'): Record<string, string>[] {
  const path = join(dir, file.path);
  writeFileSync(path, file.content);
  const script = `
import csv, json, sys
with open(sys.argv[1], encoding=sys.argv[2], newline='') as f:
    print(json.dumps(list(csv.DictReader(f))))
`;
  const python = spawnSync('python3', ['-c', script, path, encoding], { encoding: 'utf8' });
  expect(python.stderr).toBe('');
  return JSON.parse(python.stdout);
}

function exported(bom: boolean): Map<string, ExportFile> {
  return new Map(csvExport.write(sampleDataset(), { bom }).map((f) => [f.path, f]));
}

const codePoints = (text: string) => [...text].length;

describe('CSV export', () => {
  it('writes a row per annotation with code-point offsets, names and values', () => {
    const dataset = sampleDataset();
    const rows = pythonRows(exported(false).get('annotations.csv')!, 'utf-8');
    const annotations = dataset.documents.flatMap((d) => d.annotations.map((a) => ({ d, a })));
    expect(rows).toHaveLength(annotations.length);
    const codes = new Map(dataset.codebook.codes.map((c) => [c.id, c]));
    for (const [i, { d, a }] of annotations.entries()) {
      const row = rows[i]!;
      const code = codes.get(a.code)!;
      const stakeholder = dataset.stakeholders.find((s) => s.id === a.stakeholderId);
      expect(row).toEqual({
        document: d.key,
        start: String(codePoints(d.text.slice(0, a.target.start))),
        end: String(codePoints(d.text.slice(0, a.target.end))),
        text: a.target.quote,
        group: codes.get(code.parentId!)!.name,
        code: code.name,
        stakeholder: stakeholder?.name ?? '',
        stakeholder_id: a.stakeholderId ?? '',
        figure_min: a.value ? String(a.value.min) : '',
        figure_max: a.value ? String(a.value.max) : '',
        figure_unit: a.value?.currency ?? a.value?.unit ?? '',
        figure_qualifier: a.value?.qualifier ?? '',
        note: a.note ?? '',
        annotator: a.author,
        created: a.created,
        modified: a.modified,
      });
    }
  });

  it('quotes a note with commas, quotes, tabs and line breaks so that it reads back whole', () => {
    const file = exported(false).get('annotations.csv')!;
    const note = sampleDataset()
      .documents.flatMap((d) => d.annotations)
      .find((a) => a.note?.includes('\n'))!.note!;
    expect(note).toMatch(/,.*"|".*,/);
    expect(note).toContain('\t');
    expect(String(file.content)).toContain(`"${note.replace(/"/g, '""')}"`);
    expect(pythonRows(file, 'utf-8').map((r) => r.note)).toContain(note);
  });

  it('ends each record with CRLF (RFC 4180)', () => {
    const content = String(exported(false).get('documents.csv')!.content);
    expect(content.endsWith('\r\n')).toBe(true);
    expect(content.split('\r\n')[0]).toBe('key,title,status,byline,site,published,annotations,note');
  });

  it('writes a row per document with its metadata and annotation count', () => {
    const dataset = sampleDataset();
    const rows = pythonRows(exported(false).get('documents.csv')!, 'utf-8');
    expect(rows).toEqual(
      dataset.documents.map((d) => ({
        key: d.key,
        title: d.title,
        status: d.status,
        byline: d.metadata.byline ?? '',
        site: d.metadata.siteName ?? '',
        published: d.metadata.publishedTime ?? '',
        annotations: String(d.annotations.length),
        note: d.note,
      })),
    );
  });

  it('starts both files with a byte-order mark only when asked', () => {
    for (const bom of [true, false]) {
      for (const file of exported(bom).values()) {
        expect(String(file.content).startsWith('\uFEFF')).toBe(bom);
        // Read with the BOM dropped, the header is the same either way.
        expect(Object.keys(pythonRows(file, 'utf-8-sig')[0]!)[0]).toMatch(/^(document|key)$/);
      }
    }
    const withBom = exported(true).get('annotations.csv')!;
    expect(Object.keys(pythonRows(withBom, 'utf-8')[0]!)[0]).toBe('\uFEFFdocument');
  });
});
