import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../main/exchange/dataset';
import { conllExport } from '../../../main/exchange/formats/conll/write-conll';
import type { Annotation } from '../../../shared/model/annotation';
import { roleOf, subtreeIds } from '../../../shared/model/codebook-tree';
import { utf16ToCodePoint } from '../../../shared/text/offsets';
import { targetFor } from '../../../shared/text/quote';
import { sampleDataset } from '../../support/sample-dataset';

interface Line {
  token: string;
  tag: string;
  start: number;
}

/** Each file's sentences, each a list of its lines' columns. */
function exported(dataset: Dataset, group?: string): Map<string, Line[][]> {
  const files = conllExport.write(dataset, group ? { group } : {});
  return new Map(
    files.map((file) => {
      const content = file.content as string;
      const sentences = content
        .split('\n\n')
        .filter((block) => block.trim() !== '')
        .map((block) =>
          block.split('\n').map((line) => {
            const [token, tag, start] = line.split('\t');
            return { token: token!, tag: tag!, start: Number(start) };
          }),
        );
      return [file.path, sentences];
    }),
  );
}

/** The spans the B-/I- tags make: each B- with the I- of its type after it. */
function taggedSpans(lines: Line[]): { type: string; lines: Line[] }[] {
  const spans: { type: string; lines: Line[] }[] = [];
  for (const line of lines) {
    if (line.tag.startsWith('B-')) spans.push({ type: line.tag.slice(2), lines: [line] });
    else if (line.tag.startsWith('I-')) spans.at(-1)!.lines.push(line);
  }
  return spans;
}

function expectValidIob2(lines: Line[]) {
  lines.forEach((line, i) => {
    expect(line.tag).toMatch(/^(O|[BI]-\S+)$/);
    // IOB2: an I- continues a B- or I- of the same type; it never follows O or starts a sentence.
    if (line.tag.startsWith('I-')) expect(lines[i - 1]?.tag.slice(2)).toBe(line.tag.slice(2));
  });
}

const stakeholderCodes = (dataset: Dataset) =>
  subtreeIds(
    dataset.codebook,
    dataset.codebook.codes.find((c) => roleOf(dataset.codebook, c.id) === 'stakeholder')!.id,
  );

describe('CoNLL IOB2 export', () => {
  it('writes a .conll file per document, its tokens and code-point offsets matching the text', () => {
    const dataset = sampleDataset();
    const files = exported(dataset);
    expect([...files.keys()]).toEqual(dataset.documents.map((d) => `${d.key}.conll`));
    for (const document of dataset.documents) {
      const points = [...document.text];
      for (const line of files.get(`${document.key}.conll`)!.flat()) {
        expect(points.slice(line.start, line.start + [...line.token].length).join('')).toBe(line.token);
      }
    }
  });

  it('tags the stakeholder group by default, in valid IOB2 with the code name as type', () => {
    const dataset = sampleDataset();
    for (const sentences of exported(dataset).values()) sentences.forEach(expectValidIob2);
    const codes = stakeholderCodes(dataset);
    const expectedTypes = new Set(
      dataset.documents
        .flatMap((d) => d.annotations)
        .filter((a) => codes.has(a.code))
        .map((a) => dataset.codebook.codes.find((c) => c.id === a.code)!.name.replace(/ /g, '_')),
    );
    const types = new Set(
      [...exported(dataset).values()].flat(2).flatMap((l) => (l.tag === 'O' ? [] : [l.tag.slice(2)])),
    );
    expect(types).toEqual(expectedTypes);
  });

  it('reproduces each non-overlapping span’s words from its B/I tokens, emoji and CJK included', () => {
    const dataset = sampleDataset();
    const files = exported(dataset);
    const codes = stakeholderCodes(dataset);
    for (const document of dataset.documents) {
      const spans = taggedSpans(files.get(`${document.key}.conll`)!.flat());
      const annotations = document.annotations.filter((a) => codes.has(a.code));
      // None of the sample's stakeholder passages overlap, so each becomes one tagged span.
      expect(spans.map((s) => s.lines.map((l) => l.token).join(' '))).toEqual(
        annotations.map((a) => a.target.quote.split(/\s+/).join(' ')),
      );
      expect(spans.map((s) => s.lines[0]!.start)).toEqual(
        annotations.map((a) => utf16ToCodePoint(document.text, a.target.start)),
      );
    }
  });

  it('splits sentences at blank lines, so the headline stands alone', () => {
    const dataset = sampleDataset();
    const cafe = exported(dataset).get('world/café.txt.conll')!;
    expect(cafe[0]!.map((l) => l.token).join(' ')).toBe(dataset.documents[0]!.title);
    expect(cafe).toHaveLength(3);
    expect(cafe[2]![0]!.token).toBe('北京');
  });

  it('tags another group on request, with spaces in code names as "_"', () => {
    const dataset = sampleDataset();
    const lines = [...exported(dataset, 'figures').values()].flat(2);
    const spans = taggedSpans(lines);
    const figures = dataset.documents.flatMap((d) => d.annotations).filter((a) => a.value);
    expect(spans.map((s) => s.type)).toEqual(
      figures.map((a) => dataset.codebook.codes.find((c) => c.id === a.code)!.name.replace(/ /g, '_')),
    );
    expect(spans.map((s) => s.lines.map((l) => l.token).join(''))).toEqual(
      figures.map((a) => a.target.quote.replace(/\s/g, '')),
    );
  });

  it('refuses a group the codebook does not have, naming the groups it has', () => {
    expect(() => conllExport.write(sampleDataset(), { group: 'nope' })).toThrow(/stakeholders/);
  });
});

describe('CoNLL overlap rule', () => {
  /** A one-document dataset with stakeholder passages tagged by [quote, nth occurrence] and code. */
  function overlapping(text: string, passages: [string, string][]): Dataset {
    const dataset = sampleDataset();
    const annotations: Annotation[] = passages.map(([quote, code], i) => {
      const start = text.indexOf(quote);
      return {
        id: `x${i}`,
        code,
        author: 'alice',
        created: dataset.exportedAt,
        modified: dataset.exportedAt,
        target: targetFor(text, start, start + quote.length),
      };
    });
    dataset.codebook.codes.push({
      id: 'company',
      name: 'Company name',
      parentId: 'stakeholders',
      color: '#000000',
      description: '',
      codable: true,
    });
    dataset.documents = [{ ...dataset.documents[0]!, key: 'o.txt', text, annotations, relations: [] }];
    return dataset;
  }
  const tagsOf = (dataset: Dataset) =>
    exported(dataset)
      .get('o.txt.conll')!
      .flat()
      .map((l) => `${l.token}/${l.tag}`);

  it('lets the longest of two nested spans win, dropping the shorter whole', () => {
    const dataset = overlapping('The US arm of ByteDance Ltd sold.', [
      ['ByteDance', 'company'],
      ['US arm of ByteDance Ltd', 'stakeholder'],
    ]);
    expect(tagsOf(dataset)).toEqual([
      'The/O',
      'US/B-Stakeholder',
      'arm/I-Stakeholder',
      'of/I-Stakeholder',
      'ByteDance/I-Stakeholder',
      'Ltd/I-Stakeholder',
      'sold/O',
      './O',
    ]);
  });

  it('gives equal lengths to the earlier start, and drops a crossing span rather than tag its leftover', () => {
    const dataset = overlapping('Alpha Beta Gamma', [
      ['Beta Gamma', 'company'],
      ['Alpha Beta', 'stakeholder'],
    ]);
    expect(tagsOf(dataset)).toEqual(['Alpha/B-Stakeholder', 'Beta/I-Stakeholder', 'Gamma/O']);
  });

  it('counts a token partly covered as inside, and keeps touching spans apart with B-', () => {
    const dataset = overlapping('Meta’s rival TikTok TikTok', [
      ['Met', 'stakeholder'],
      ['TikTok', 'stakeholder'],
      ['TikTok', 'company'],
    ]);
    // "Met" covers part of "Meta’s", which is tagged whole; the second "TikTok" (moved there, as
    // indexOf finds the first) touches the first and starts a span of its own.
    dataset.documents[0]!.annotations[2]!.target = targetFor(dataset.documents[0]!.text, 20, 26);
    expect(tagsOf(dataset)).toEqual([
      'Meta’s/B-Stakeholder',
      'rival/O',
      'TikTok/B-Stakeholder',
      'TikTok/B-Company_name',
    ]);
  });

  it('compares lengths in code points, so an emoji does not make a span longer', () => {
    // "😀😀" and "😀 Z" are both 4 UTF-16 units, where the earlier "😀😀" would win the tie; in
    // code points the second is longer (3 against 2) and wins.
    const dataset = overlapping('😀😀 Z Y', [
      ['😀😀', 'company'],
      ['😀 Z', 'stakeholder'],
    ]);
    expect(tagsOf(dataset)).toEqual(['😀/O', '😀/B-Stakeholder', 'Z/I-Stakeholder', 'Y/O']);
  });
});
