// Run in a child process by the benchmark, so that each load starts from a fresh process.
// Usage: measure-load.ts <gloss|raw> <project dir> <document key>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { Project } from '../../main/project/project';

const [mode, dir, key] = process.argv.slice(2) as [string, string, string];
// Load the code and open the project first, in both modes, so only the load counts and both start
// from the same process. Read-only: opening for writing also clears leftovers of killed saves in
// the background, a walk of every document's folder that would run during the load. Reading a
// valid file is the same either way.
const opened = await Project.open(dir, { annotator: 'alice', readOnly: true });
const project = mode === 'gloss' ? opened : undefined;
globalThis.gc?.();

// Peak memory: what the load allocates (V8's heap, buffers, array buffers), with the result still
// held. Resident memory does not tell it: the heap opening freed is reused without growing it. With
// no collection during the load (counted, and printed), nothing was freed: this is its peak.
const inUse = () => {
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return heapUsed + external + arrayBuffers;
};
let collections = 0;
const observer = new PerformanceObserver((list) => {
  collections += list.getEntries().length;
});
observer.observe({ entryTypes: ['gc'] });
const before = inUse();
const started = performance.now();
let loaded: { length: number };
if (project) {
  loaded = await project.listAnnotations(key);
} else {
  const raw = JSON.parse(
    await readFile(join(dir, '.gloss/annotations', ...key.split('/'), 'alice.json'), 'utf8'),
  );
  loaded = raw.annotations;
}
const ms = performance.now() - started;
const peakBytes = inUse() - before;
// The observer is told of collections on a later turn of the event loop.
await new Promise((resolve) => setTimeout(resolve, 20));
observer.disconnect();
process.stdout.write(JSON.stringify({ ms, peakBytes, collections, count: loaded.length }));
