import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { idFromName } from '../../main/project/new-id';
import { newProjectFile } from '../../main/project/project-file';
import { CORPUS } from '../support/corpus';

/** The register the generated mentions name (their `stakeholderId`s are these names' ids), written into project.json. */
const BENCH_STAKEHOLDERS = ['Google', 'Meta', 'TikTok', 'Ofcom', 'European Commission', 'BBC'];
const STAKEHOLDER_IDS = BENCH_STAKEHOLDERS.map((name) => idFromName(name, () => false));

export interface GeneratedProject {
  dir: string;
  keys: string[];
  bytes: number;
  annotations: number;
  /** The document with many annotations, for per-document measurements. */
  heavyKey: string;
}

/**
 * A project the size the brief names: `articles` articles of about 5 kB made from real BBC text,
 * `perArticle` annotations each in alice's per-document files, and one heavy document
 * (about 1 MB, `heavyAnnotations` annotations) for per-document figures.
 */
export async function generateProject(
  dir: string,
  { articles = 10_000, perArticle = 10, heavyAnnotations = 10_000 } = {},
): Promise<GeneratedProject> {
  const sources = await bbcTexts();
  const keys: string[] = [];
  let bytes = 0;
  let annotations = 0;
  for (let i = 0; i < articles; i++) {
    const extra = sources[(i * 13 + 5) % sources.length]!.slice(0, 900);
    const text = `${sources[i % sources.length]}\n\n${sources[(i * 7 + 3) % sources.length]}\n\n${extra}\n\nArticle ${i}.\n`;
    const key = `section-${String(i % 100).padStart(2, '0')}/article-${i}.txt`;
    keys.push(key);
    bytes += await writeDocument(dir, key, text);
    annotations += await writeAnnotations(dir, key, text, perArticle);
  }
  // The register the mentions name, so edits of them pass the checks and the matrix has rows.
  const projectFile = {
    ...newProjectFile(),
    stakeholders: BENCH_STAKEHOLDERS.map((name, i) => ({
      id: STAKEHOLDER_IDS[i]!,
      name,
      kind: 'company' as const,
      aliases: [],
    })),
  };
  await mkdir(join(dir, '.gloss'), { recursive: true });
  await writeFile(join(dir, '.gloss/project.json'), `${JSON.stringify(projectFile, null, 2)}\n`);
  const heavyKey = 'long/heavy-article.txt';
  let heavy = '';
  for (let i = 0; heavy.length < 1_000_000; i++) heavy += `${sources[i % sources.length]}\n\n`;
  bytes += await writeDocument(dir, heavyKey, heavy);
  annotations += await writeAnnotations(dir, heavyKey, heavy, heavyAnnotations);
  return { dir, keys: [...keys, heavyKey], bytes, annotations, heavyKey };
}

async function bbcTexts(): Promise<string[]> {
  const root = join(CORPUS, 'news-txt');
  const texts: string[] = [];
  for (const section of await readdir(root)) {
    for (const name of (await readdir(join(root, section))).slice(0, 200)) {
      const text = await readFile(join(root, section, name), 'utf8');
      if (!text.includes('\uFFFD')) texts.push(text.replace(/\r\n?/g, '\n').trim());
    }
  }
  return texts;
}

async function writeDocument(dir: string, key: string, text: string): Promise<number> {
  const path = join(dir, ...key.split('/'));
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return Buffer.byteLength(text);
}

/**
 * Annotations on whole words, spread through the text, in the file format Gloss writes: mentions
 * of the register's stakeholders, concerns, and money figures with a value, each figure related
 * to the mention four annotations before it.
 */
async function writeAnnotations(dir: string, key: string, text: string, count: number): Promise<number> {
  const words = [...text.matchAll(/[A-Za-z]{4,}/g)];
  const now = new Date().toISOString();
  const codes = ['stakeholder', 'security', 'privacy', 'free-expression', 'money'];
  const annotations = Array.from({ length: count }, (_, i) => {
    const word = words[Math.floor((i * words.length) / count)]!;
    const start = word.index!;
    const end = start + word[0].length;
    const code = codes[i % codes.length]!;
    return {
      id: randomUUID(),
      code,
      author: 'alice',
      created: now,
      modified: now,
      target: {
        start,
        end,
        quote: word[0],
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(end, end + 32),
      },
      ...(code === 'stakeholder'
        ? { stakeholderId: STAKEHOLDER_IDS[(i + count) % STAKEHOLDER_IDS.length] }
        : {}),
      ...(code === 'money'
        ? { value: { min: i * 1e6, max: i * 2e6, currency: 'USD', qualifier: 'exactly' } }
        : {}),
    };
  });
  const relations = annotations.flatMap((figure, i) =>
    figure.code === 'money' && i >= 4
      ? [
          {
            id: randomUUID(),
            type: 'describes',
            from: figure.id,
            to: annotations[i - 4]!.id,
            author: 'alice',
            created: now,
            modified: now,
          },
        ]
      : [],
  );
  const file = {
    format: 'gloss-annotations',
    schemaVersion: 1,
    document: key,
    annotator: 'alice',
    fingerprint: createHash('sha256').update(text).digest('hex'),
    status: 'in-progress',
    note: '',
    annotations,
    relations,
  };
  const path = join(dir, '.gloss/annotations', ...key.split('/'), 'alice.json');
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`);
  return count;
}
