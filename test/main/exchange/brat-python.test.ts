import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../../main/exchange/dataset';
import { bratExport } from '../../../main/exchange/formats/brat';
import { codePointToUtf16 } from '../../../shared/text/offsets';
import { sampleDataset } from '../../support/sample-dataset';

/**
 * An independent reading of the standoff: Python indexes strings by code point, as brat does,
 * so `text[start:end]` per fragment, joined by spaces, must be the T line's stated text.
 * newline='' keeps the .txt exactly as written (no line-ending translation).
 */
const CHECK_SPANS = `
import json, pathlib, sys
results = []
for ann in sorted(pathlib.Path(sys.argv[1]).rglob('*.ann')):
    text = ann.with_suffix('.txt').open(encoding='utf-8', newline='').read()
    for line in ann.open(encoding='utf-8', newline=''):
        line = line.rstrip('\\n')
        if not line.startswith('T'):
            continue
        tid, middle, stated = line.split('\\t', 2)
        fragments = [tuple(int(n) for n in pair.split(' ')) for pair in middle.split(' ', 1)[1].split(';')]
        found = ' '.join(text[s:e] for s, e in fragments)
        results.append({'id': str(ann) + ':' + tid, 'ok': found == stated, 'stated': stated, 'found': found})
print(json.dumps(results))
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function checkWithPython(
  files: readonly ExportFile[],
): { id: string; ok: boolean; stated: string; found: string }[] {
  dir = mkdtempSync(join(tmpdir(), 'gloss-brat-'));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  const run = spawnSync('python3', ['-c', CHECK_SPANS, dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('brat export read by Python', () => {
  it('agrees on every span: each fragment of each T line holds the stated text', () => {
    const dataset = sampleDataset();
    const results = checkWithPython(bratExport.write(dataset, {}));
    const annotations = dataset.documents.reduce((n, d) => n + d.annotations.length, 0);
    expect(results).toHaveLength(annotations);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('agrees on a span across a line break, written as fragments', () => {
    const dataset = sampleDataset();
    const deal = dataset.documents[1]!;
    const start = deal.text.indexOf('deal');
    const end = deal.text.indexOf('the buyer');
    deal.annotations.push({
      ...deal.annotations[0]!,
      id: 'multi',
      target: { ...deal.annotations[0]!.target, start, end },
    });
    const files = bratExport.write(dataset, {});
    expect(String(files.find((f) => f.path === 'deal.ann')!.content)).toMatch(
      /\d+ \d+;\d+ \d+\tdeal Microsoft,/,
    );
    expect(checkWithPython(files).filter((r) => !r.ok)).toEqual([]);
  });

  it('would catch UTF-16 offsets: the same files with JavaScript indices disagree after the emoji', () => {
    const exported = bratExport.write(sampleDataset(), {});
    const textOf = (ann: string) =>
      String(exported.find((f) => f.path === ann.replace(/\.ann$/, '.txt'))!.content);
    // What a writer that forgot to convert would produce: every offset a UTF-16 index.
    const unconverted = exported.map((file) => {
      if (!file.path.endsWith('.ann')) return file;
      const text = textOf(file.path);
      const content = String(file.content).replace(
        /^(T\d+\t\S+ )([\d ;]+)\t/gm,
        (_, head: string, offsets: string) => {
          return `${head}${offsets.replace(/\d+/g, (n) => String(codePointToUtf16(text, Number(n))))}\t`;
        },
      );
      return { ...file, content };
    });
    const failing = checkWithPython(unconverted).filter((r) => !r.ok);
    expect(failing.length).toBeGreaterThan(0);
    // Only the document with emoji before its spans is affected; the other has none.
    expect(failing.every((r) => r.id.includes('café.ann'))).toBe(true);
  });
});
