/**
 * Agreement between two annotators over the large generated project: a second annotator, bob, is
 * given a file for every article, made from alice's with changes a second coder makes (a passage
 * left out, one with another code, one ending a character later, one of their own), then
 * `agreement` is asked through the service as the screens and `gloss agreement` ask it: the first
 * call after opening and listing (it reads every article, for characters as code points and for
 * tokens), then the median of three more. Beside it, reading every article with fs. Target: 5 s.
 * Bob's files are removed afterwards. `node --import tsx test/bench/agreement-bench.ts` runs only
 * this part (GLOSS_BENCH_ARTICLES sets the project's size).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGlossService } from '../../main/api/gloss-service';
import { type GeneratedProject, generateProject } from './generate-project';
import { median, row } from './report';

const TARGET = 'target ≤ 5 s';

export async function benchAgreement(project: GeneratedProject): Promise<void> {
  const keys = project.keys.filter((key) => key !== project.heavyKey);
  const bobFiles = await writeSecondAnnotator(project.dir, keys);
  console.log(
    `\nAgreement of alice and bob (${keys.length.toLocaleString('en')} articles both annotated; first call after opening, then median of 3)`,
  );
  try {
    const articles = keys.map((key) => join(project.dir, ...key.split('/')));
    const raw = await median(3, async () => {
      const started = performance.now();
      for (const path of articles) await readFile(path, 'utf8');
      return performance.now() - started;
    });
    row('raw: read every article with fs', raw);
    const service = createGlossService({ annotator: 'alice' });
    try {
      await service.open(project.dir);
      await service.listDocuments({});
      const started = performance.now();
      const first = await service.agreement({ annotators: ['alice', 'bob'] });
      row('agreement, first', performance.now() - started, raw, TARGET);
      const warm = await median(3, async () => {
        const t = performance.now();
        await service.agreement({ annotators: ['alice', 'bob'] });
        return performance.now() - t;
      });
      row('agreement, again', warm, raw, TARGET);
      const overall = first.pairs[0]!.overall;
      console.log(
        `  over ${first.pairs[0]!.documents} documents: F1 ${overall.f1?.toFixed(3)}, κ ${overall.kappa?.toFixed(3)}, α ${overall.alpha?.toFixed(3)}, token κ ${overall.tokenKappa?.toFixed(3)}, α_u ${overall.alphaU?.toFixed(3)}`,
      );
    } finally {
      await service.close();
    }
  } finally {
    await Promise.all(bobFiles.map((path) => rm(path, { force: true })));
  }
}

/** Bob's file for each article, from alice's: every tenth passage left out, recoded or a character longer, and one of his own. */
export async function writeSecondAnnotator(dir: string, keys: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  for (const key of keys) {
    const folder = join(dir, '.gloss/annotations', ...key.split('/'));
    const alice = JSON.parse(await readFile(join(folder, 'alice.json'), 'utf8'));
    const text = await readFile(join(dir, ...key.split('/')), 'utf8');
    const annotations = [];
    for (const [i, a] of (
      alice.annotations as { code: string; target: { start: number; end: number } }[]
    ).entries()) {
      if (i % 10 === 3) continue;
      const changed = { ...a, author: 'bob', target: { ...a.target } };
      if (i % 10 === 5 && a.code !== 'stakeholder' && a.code !== 'money')
        changed.code = a.code === 'privacy' ? 'security' : 'privacy';
      if (i % 10 === 7 && changed.target.end < text.length) {
        changed.target.end += 1;
        Object.assign(changed.target, { quote: text.slice(changed.target.start, changed.target.end) });
      }
      annotations.push(changed);
    }
    const word = /[A-Za-z]{5,}/g.exec(text.slice(text.length >> 1));
    if (word) {
      const start = (text.length >> 1) + word.index;
      const end = start + word[0].length;
      const now = new Date().toISOString();
      annotations.push({
        id: `bob-${written.length}`,
        code: 'free-expression',
        author: 'bob',
        created: now,
        modified: now,
        target: {
          start,
          end,
          quote: word[0],
          prefix: text.slice(start - 32, start),
          suffix: text.slice(end, end + 32),
        },
      });
    }
    annotations.sort((x, y) => x.target.start - y.target.start || x.target.end - y.target.end);
    const placed = new Set(annotations.map((a) => (a as unknown as { id: string }).id));
    const file = {
      ...alice,
      annotator: 'bob',
      status: 'done',
      annotations,
      relations: (alice.relations as { from: string; to: string }[])
        .filter((r) => placed.has(r.from) && placed.has(r.to))
        .map((r) => ({ ...r, author: 'bob' })),
    };
    const path = join(folder, 'bob.json');
    await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
    written.push(path);
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = await mkdtemp(join(tmpdir(), 'gloss-bench-agreement-'));
  try {
    await benchAgreement(
      await generateProject(dir, { articles: Number(process.env.GLOSS_BENCH_ARTICLES ?? 10_000) }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
