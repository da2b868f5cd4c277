import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { afterAll, describe, expect, it } from 'vitest';
import { qdcExport, qdpxExport } from '../../../main/exchange/formats/refi-qda';
import { sampleDataset } from '../../support/sample-dataset';

const PROJECT_XSD = '/work/shared/corpus/refi-qda/Project.xsd';
// The corpus has no Codebook.xsd; this is the standard's, transcribed (see the file's header).
const CODEBOOK_XSD = join(import.meta.dirname, '../../fixtures/refi-qda/Codebook.xsd');
const GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

const dir = mkdtempSync(join(tmpdir(), 'gloss-refi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportedEntries(): Record<string, Uint8Array> {
  const files = qdpxExport.write(sampleDataset(), {});
  expect(files.map((f) => f.path)).toEqual(['project.qdpx']);
  return unzipSync(files[0]!.content as Uint8Array);
}

function xmllint(schema: string, name: string, content: string | Uint8Array) {
  const file = join(dir, name);
  writeFileSync(file, content);
  return spawnSync('xmllint', ['--noout', '--schema', schema, file], { encoding: 'utf8' });
}

function parse(xml: string | Uint8Array): Document {
  const text = typeof xml === 'string' ? xml : new TextDecoder().decode(xml);
  return new new JSDOM('').window.DOMParser().parseFromString(text, 'text/xml');
}

describe('REFI-QDA export', () => {
  it('writes a project.qde that the QDA-XML 1.0 schema accepts', () => {
    const result = xmllint(PROJECT_XSD, 'project.qde', exportedEntries()['project.qde']!);
    expect(result.stderr).toContain('validates');
    expect(result.status, result.stderr).toBe(0);
  });

  it('writes a .qdc that the REFI-QDA codebook schema accepts', () => {
    const files = qdcExport.write(sampleDataset(), {});
    expect(files.map((f) => f.path)).toEqual(['codebook.qdc']);
    const result = xmllint(CODEBOOK_XSD, 'codebook.qdc', files[0]!.content);
    expect(result.status, result.stderr).toBe(0);
    const root = parse(files[0]!.content as string).documentElement;
    expect([root.localName, root.namespaceURI]).toEqual(['CodeBook', 'urn:QDA-XML:codebook:1.0']);
  });

  it('counts positions in code points of the stored source text', () => {
    const dataset = sampleDataset();
    // Meaningful only if UTF-16 offsets would fail: some span comes after an emoji.
    const shifted = dataset.documents.some((d) =>
      d.annotations.some((a) => [...d.text.slice(0, a.target.start)].length !== a.target.start),
    );
    expect(shifted).toBe(true);

    const entries = exportedEntries();
    const project = parse(entries['project.qde']!);
    const quotes: string[] = [];
    for (const source of project.getElementsByTagName('TextSource')) {
      const path = source.getAttribute('plainTextPath')!.replace('internal://', 'sources/');
      const text = new TextDecoder().decode(entries[path]);
      for (const selection of source.getElementsByTagName('PlainTextSelection')) {
        const start = Number(selection.getAttribute('startPosition'));
        const end = Number(selection.getAttribute('endPosition'));
        expect([...text].slice(start, end).join('')).toBe(selection.getAttribute('name'));
        quotes.push(selection.getAttribute('name')!);
      }
    }
    expect(quotes).toContain('北京 regulators');
    expect(quotes.length).toBe(dataset.documents.reduce((n, d) => n + d.annotations.length, 0));
  });

  it('stores each document as UTF-8 text with LF line endings, beside project.qde', () => {
    const dataset = sampleDataset();
    const entries = exportedEntries();
    const texts = Object.entries(entries)
      .filter(([path]) => path.startsWith('sources/'))
      .map(([, bytes]) => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    expect(texts.sort()).toEqual(dataset.documents.map((d) => d.text).sort());
    expect(texts.some((t) => t.includes('\r'))).toBe(false);
  });

  it('gives everything a GUID the schema accepts, the same on every export', () => {
    const first = qdpxExport.write(sampleDataset(), {})[0]!.content;
    const second = qdpxExport.write(sampleDataset(), {})[0]!.content;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const project = parse(exportedEntries()['project.qde']!);
    const guids = [...project.querySelectorAll('[guid]')].map((e) => e.getAttribute('guid')!);
    expect(guids.every((g) => GUID.test(g))).toBe(true);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('nests codes under their groups, with colour, codability and description', () => {
    const dataset = sampleDataset();
    const project = parse(exportedEntries()['project.qde']!);
    const codes = [...project.getElementsByTagName('Code')];
    for (const code of dataset.codebook.codes) {
      const element = codes.find((e) => e.getAttribute('name') === code.name)!;
      const parent = code.parentId && dataset.codebook.codes.find((c) => c.id === code.parentId)!.name;
      expect(element.parentElement!.getAttribute('name') ?? null).toBe(parent);
      expect(element.getAttribute('isCodable')).toBe(String(code.codable));
      expect(element.getAttribute('color')).toBe(code.color);
      expect(element.getElementsByTagName('Description')[0]?.textContent).toBe(code.description);
    }
  });

  it('keeps line breaks and tabs of notes and quotes in the XML', () => {
    const dataset = sampleDataset();
    dataset.documents[0]!.annotations[0]!.note = 'line one\r\nline two\ttab';
    const [file] = qdpxExport.write(dataset, {});
    const project = parse(unzipSync(file!.content as Uint8Array)['project.qde']!);
    const notes = [...project.getElementsByTagName('PlainTextContent')].map((n) => n.textContent);
    expect(notes).toContain('line one\r\nline two\ttab');
  });
});
