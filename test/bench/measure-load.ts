// Run in a child process by the benchmark so that peak memory (maxRSS) belongs to one load only.
// Usage: measure-load.ts <gloss|raw> <project dir> <document key>
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Project } from '../../main/project/project';

const [mode, dir, key] = process.argv.slice(2) as [string, string, string];
// Load the code and open the project first, in both modes, so only the load counts and both start
// from the same memory (the heap opening freed is there for either to reuse). Read-only: opening
// for writing also clears leftovers of killed saves in the background, a walk of every document's
// folder that would run during the load. Reading a valid file is the same either way.
const opened = await Project.open(dir, { annotator: 'alice', readOnly: true });
const project = mode === 'gloss' ? opened : undefined;
globalThis.gc?.();
resetPeakMemory();
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

/**
 * Makes maxRSS start again from what is in memory now (Linux: "5" to /proc/self/clear_refs), so the
 * figure is the load's own peak, not one left by opening the project (its cache index, say).
 * Elsewhere the peak since the process started is all there is.
 */
function resetPeakMemory(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {}
}
