// Run in a child process by the benchmark so that peak memory (maxRSS) belongs to one load only.
// Usage: measure-load.ts <gloss|raw> <project dir> <document key>
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Project } from '../../main/project/project';

const [mode, dir, key] = process.argv.slice(2) as [string, string, string];
// Load the code first, so only the data counts.
const project = mode === 'gloss' ? await Project.open(dir, { annotator: 'alice' }) : undefined;
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
let count: number;
if (project) {
  count = (await project.listAnnotations(key)).length;
} else {
  const raw = JSON.parse(
    await readFile(join(dir, '.gloss/annotations', ...key.split('/'), 'alice.json'), 'utf8'),
  );
  count = raw.annotations.length;
}
const ms = performance.now() - started;
const peakBytes = process.resourceUsage().maxRSS * 1024 - rssBefore;
process.stdout.write(JSON.stringify({ ms, peakBytes, count }));
