import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { createGlossService } from '../../../main/api/gloss-service';
import { AnnotatorRegistry } from '../../../main/project/annotator-registry';
import { ProjectLayout } from '../../../main/project/layout';
import { AnnotatorIdentity } from '../../../main/settings/annotator-identity';
import { userSettingsFile } from '../../../main/settings/settings-folder';
import { inProcessTransport } from '../../../main/transports/in-process';
import { createApiClient } from '../../../shared/api-client';
import type { Annotation } from '../../../shared/model/annotation';
import { utf16ToCodePoint } from '../../../shared/text/offsets';
import { rejection } from '../../support/api-rejection';
import { gloss } from '../../support/gloss-cli';
import { type CurationFixture, curationFixture, INK, NET } from './curation-fixture';

/**
 * Publishing the curated layer: `gloss export --annotators curation` writes exactly the curated
 * passages, the project opened as anyone else's would be. And the name stays the layer's: no
 * annotator can take it.
 */
let fixture: CurationFixture;
let curated: Map<string, Annotation[]>;

beforeAll(async () => {
  fixture = await curationFixture();
  const carol = await fixture.open('carol');
  const { ids } = fixture;
  const pair = { a: 'alice', b: 'bob' };
  await carol.takeAgreed(pair);
  await carol.curate({ ...pair, key: NET, decision: 'both', aId: ids.codesA, bId: ids.codesB });
  await carol.curate({ ...pair, key: NET, decision: 'b', aId: ids.overlapA, bId: ids.overlapB });
  await carol.curate({ ...pair, key: NET, decision: 'skip', bId: ids.onlyB });
  await carol.curate({ ...pair, key: INK, decision: 'a', aId: ids.only2A });
  const annotations = await Promise.all([NET, INK].map((key) => carol.listAnnotations({ key })));
  curated = new Map(
    [NET, INK].map((key, i) => [key, annotations[i]!.filter((a) => a.author === 'curation')]),
  );
});
afterAll(() => fixture.close());

interface Line {
  key: string;
  text: string;
  spans: { start: number; end: number; code: string; annotator: string; text: string }[];
}

describe('publishing the curated layer', () => {
  it('exports exactly the curated passages with gloss export --format jsonl --annotators curation', async () => {
    const out = await mkdtemp(join(tmpdir(), 'gloss-curation-export-'));
    try {
      const file = join(out, 'curated.jsonl');
      const result = await gloss([
        'export',
        fixture.project.path,
        '--format',
        'jsonl',
        '--annotators',
        'curation',
        '--out',
        file,
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const lines = (await readFile(file, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Line);
      expect(lines.map((l) => l.key).sort()).toEqual([INK, NET].sort());
      for (const line of lines) {
        const text = fixture.texts[line.key]!;
        // Code points, as the export promises (the same here for the BMP-only articles, checked anyway).
        const expected = curated
          .get(line.key)!
          .map((a) => {
            const [start, end] = [a.target.start, a.target.end].map((o) => utf16ToCodePoint(text, o));
            return `${a.code} ${start}-${end} curation ${a.target.quote}`;
          })
          .sort();
        expect(
          line.spans.map((s) => `${s.code} ${s.start}-${s.end} ${s.annotator} ${s.text}`).sort(),
        ).toEqual(expected);
      }
      // 2 agreed, both readings of one passage, bob's bounds of another, alice's only one of the other article.
      expect(lines.flatMap((l) => l.spans)).toHaveLength(6);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('keeps an annotator from taking the name "curation", in any letter case', async () => {
    const home = await mkdtemp(join(tmpdir(), 'gloss-curation-home-'));
    try {
      const identity = new AnnotatorIdentity({
        settingsFile: userSettingsFile(home),
        env: {},
        computer: 'here',
      });
      const service = createGlossService({ identity, watchFolder: false });
      fixture.services.push(service);
      await service.open(fixture.project.path);
      const client = createApiClient(inProcessTransport(createDispatch(service), service));
      const refused = await rejection(client.setAnnotator({ name: 'Curation' }));
      expect(refused.code).toBe('bad-request');
      expect(refused.message).toBe(
        '"curation" is the name of the curated layer, not of an annotator: choose another name.',
      );
      // Nothing recorded of it: the name kept is still none, the registry names nobody.
      expect((await client.getAnnotator({})).chosen).toBe(false);
      const registry = new AnnotatorRegistry(new ProjectLayout(fixture.project.path), 'ab'.repeat(8));
      expect(await registry.claims()).toEqual([]);
      expect((await rejection(registry.claim('CURATION'))).code).toBe('bad-request');
      // Started with the name fixed (GLOSS_ANNOTATOR=curation): the project is not opened to write.
      const fixed = createGlossService({
        identity: new AnnotatorIdentity({
          settingsFile: userSettingsFile(home),
          env: { GLOSS_ANNOTATOR: 'curation' },
        }),
        watchFolder: false,
      });
      fixture.services.push(fixed);
      expect((await rejection(fixed.open(fixture.project.path))).code).toBe('bad-request');
      // Opened only to read (gloss info, export), the layer may be read as anyone's.
      const reader = createGlossService({ annotator: 'curation', readOnly: true, watchFolder: false });
      fixture.services.push(reader);
      await reader.open(fixture.project.path);
      expect(
        (await reader.listAnnotations({ key: INK })).filter((a) => a.author === 'curation'),
      ).toHaveLength(2);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
