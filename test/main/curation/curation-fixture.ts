import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createGlossService, type GlossService } from '../../../main/api/gloss-service';
import { CORPUS } from '../../support/corpus';
import { makeTempProject, type TempProject } from '../../support/temp-project';

/**
 * Two annotators, alice and bob, coding two BBC articles so that every kind of pair is there:
 * in tech/002.txt one agreed passage and one disagreement of each kind, in tech/001.txt one agreed
 * passage and one only alice marked. The ids say which passage is which.
 */
export interface CurationFixture {
  project: TempProject;
  texts: Record<string, string>;
  ids: {
    agreedA: string;
    agreedB: string;
    codesA: string;
    codesB: string;
    overlapA: string;
    overlapB: string;
    onlyA: string;
    onlyB: string;
    agreed2A: string;
    agreed2B: string;
    only2A: string;
  };
  services: GlossService[];
  /** A service working as `name` on the project (closed by `close`). */
  open(name: string, options?: { watchFolder?: boolean; readOnly?: boolean }): Promise<GlossService>;
  close(): Promise<void>;
}

export const NET = 'tech/002.txt';
export const INK = 'tech/001.txt';

const read = async (path: string) =>
  (await readFile(join(CORPUS, 'news-txt', path), 'utf8')).replace(/\r\n?/g, '\n');

/** The span of the first occurrence of `words` in `text`. */
export function at(text: string, words: string, code: string): { code: string; start: number; end: number } {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { code, start, end: start + words.length };
}

export async function curationFixture(): Promise<CurationFixture> {
  const texts: Record<string, string> = {
    [NET]: await read('tech/002.txt'),
    [INK]: await read('tech/001.txt'),
  };
  const project = await makeTempProject(texts);
  const services: GlossService[] = [];
  const open = async (name: string, options: { watchFolder?: boolean; readOnly?: boolean } = {}) => {
    const service = createGlossService({
      annotator: name,
      watchFolder: options.watchFolder ?? false,
      readOnly: options.readOnly,
    });
    services.push(service);
    await service.open(project.path);
    return service;
  };
  const alice = await open('alice');
  const bob = await open('bob');
  const make = async (service: GlossService, key: string, words: string, code: string, grow = 0) => {
    const span = at(texts[key]!, words, code);
    return (await service.createAnnotation({ key, ...span, end: span.end + grow })).id;
  };
  const net = texts[NET]!;
  const ids = {
    agreedA: await make(alice, NET, 'China net cafe culture crackdown', 'privacy'),
    agreedB: await make(bob, NET, 'China net cafe culture crackdown', 'privacy'),
    codesA: await make(alice, NET, 'Xinhua News Agency', 'privacy'),
    codesB: await make(bob, NET, 'Xinhua News Agency', 'security'),
    overlapA: await make(alice, NET, 'Chinese government', 'security'),
    overlapB: await make(bob, NET, 'Chinese government', 'security', ' has taken'.length),
    onlyA: await make(alice, NET, 'young people', 'free-expression'),
    onlyB: await make(bob, NET, 'strict guidelines', 'privacy'),
    agreed2A: await make(alice, INK, 'Ink helps drive democracy in Asia', 'free-expression'),
    agreed2B: await make(bob, INK, 'Ink helps drive democracy in Asia', 'free-expression'),
    only2A: await make(alice, INK, 'invisible ink', 'privacy'),
  };
  if (!net.includes('Chinese government has taken')) throw new Error('the article changed');
  return {
    project,
    texts,
    ids,
    services,
    open,
    close: async () => {
      await Promise.all(services.splice(0).map((s) => s.close()));
      await project.cleanup();
    },
  };
}
