/**
 * Child of kill-safety.test.ts: edits annotations of a project in a loop until it is killed.
 *
 * Usage: node --import tsx edit-loop.child.ts <project folder> <seed>
 *
 * Starts by loading Gloss's modules and printing `{"ready":true}`, then waits for a line on
 * stdin (so the parent can start it while the previous child is still running, and let it
 * touch the project only once that one is dead). Then it opens the project through the service
 * and loops: for each edit it prints the intent (`{"phase":"start",…}`), awaits the call, and
 * prints the acknowledgement (`{"phase":"ack",…}`), waiting until each line has reached the
 * pipe before going on, so a line the parent never sees was never acknowledged.
 */
import { createInterface } from 'node:readline';

const [folder, seedText] = process.argv.slice(2);
if (!folder || !seedText) throw new Error('usage: edit-loop.child.ts <project folder> <seed>');

const { createGlossService } = await import('../../../main/api/gloss-service');

// Seeded, so a failing life can be replayed.
const { SeededRandom } = await import('../../support/seeded-random');
const seeded = new SeededRandom(Number(seedText));
const random = () => seeded.next();
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function say(line: object): Promise<void> {
  return new Promise((resolve, reject) =>
    process.stdout.write(`${JSON.stringify(line)}\n`, (error) => (error ? reject(error) : resolve())),
  );
}

await say({ ready: true });
const stdin = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => stdin.once('line', () => resolve()));
stdin.close();

const service = createGlossService({ annotator: 'alice' });
await service.open(folder);
const keys = (await service.listDocuments({})).documents.map((d) => d.key);
/** What this life knows is on disk: per document, annotation id → note. */
const known = new Map<string, Map<string, string | undefined>>();
const texts = new Map<string, string>();
for (const key of keys) {
  known.set(key, new Map((await service.listAnnotations({ key })).map((a) => [a.id, a.note])));
  texts.set(key, (await service.getDocument({ key })).text);
}
await say({ opened: true, keys });

const codes = ['security', 'privacy', 'free-expression'];
let n = 0;
for (;;) {
  const key = pick(keys);
  const ids = [...known.get(key)!.keys()];
  const roll = random();
  const note = `note ${seedText}-${n++} ${'x'.repeat(Math.floor(random() * 200))}`;
  if (ids.length === 0 || roll < 0.45 || (ids.length < 4 && roll < 0.7)) {
    const text = texts.get(key)!;
    let start = Math.floor(random() * (text.length - 10));
    let end = start + 1 + Math.floor(random() * 9);
    // Never cut an emoji in half (Gloss refuses that range).
    if (/[\udc00-\udfff]/.test(text[start]!)) start--;
    if (/[\ud800-\udbff]/.test(text[end - 1]!)) end++;
    await say({ phase: 'start', op: 'create', key, note, start, end });
    const created = await service.createAnnotation({ key, code: pick(codes), start, end, note });
    known.get(key)!.set(created.id, created.note);
    await say({ phase: 'ack', op: 'create', key, id: created.id, note: created.note });
  } else if (roll < 0.8 || ids.length < 3) {
    const id = pick(ids);
    // An empty note removes it: the annotation then has none.
    const changed = random() < 0.1 ? '' : note;
    await say({ phase: 'start', op: 'update', key, id, note: changed });
    const updated = await service.updateAnnotation({ key, id, changes: { note: changed } });
    known.get(key)!.set(id, updated.note);
    await say({ phase: 'ack', op: 'update', key, id, note: updated.note });
  } else {
    const id = pick(ids);
    await say({ phase: 'start', op: 'delete', key, id });
    await service.deleteAnnotation({ key, id });
    known.get(key)!.delete(id);
    await say({ phase: 'ack', op: 'delete', key, id });
  }
}
