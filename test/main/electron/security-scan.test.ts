import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../support/corpus';

/**
 * Electronegativity, Doyensec's static scanner for Electron's security checklist, over the
 * desktop shell's sources and the page it loads. Every finding must be fixed or justified here;
 * a justification whose finding is gone must go too, so the list stays true.
 */
const JUSTIFIED: Record<string, string> = {
  // The preload (main/electron/preload.ts) exposes only window.gloss.call/subscribe through
  // contextBridge: one typed API, every request validated in main (main/api/dispatch.ts), the
  // sender frame checked (main/electron/ipc.ts). No Node APIs reach the page.
  'PRELOAD_JS_CHECK electron/app-window.ts':
    'the preload is the typed API bridge only (contextBridge, validated IPC)',
  // csp-evaluator rates script-src 'self' as weak where a site could host JSONP or uploads on
  // its own origin. Gloss's 'self' is gloss://app/ (or the loopback host), which serves only the
  // built files of the screens, and img-src data: is the swatches' colours; no inline script or
  // style is allowed at all.
  'CSP_GLOBAL_CHECK index.html': "'self' is the app's own bundled files only",
};

describe('the Electron security scanner', () => {
  it('finds nothing in the desktop shell that is not fixed or justified', async () => {
    const input = await mkdtemp(join(tmpdir(), 'gloss-scan-'));
    try {
      await cp(join(REPO, 'main/electron'), join(input, 'electron'), { recursive: true });
      await cp(join(REPO, 'renderer/index.html'), join(input, 'index.html'));
      const pkg = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
      const electron = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');
      // SARIF, not CSV: the scanner writes the CSV header and its rows with two unawaited
      // writes, which can land in either order and leave a broken file.
      const out = join(input, 'findings.sarif');
      const run = spawnSync(
        join(REPO, 'node_modules/.bin/electronegativity'),
        ['-i', input, '-e', electron, '-r', '-v', 'false', '-o', out],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.error).toBeUndefined();
      const sarif = JSON.parse(await readFile(out, 'utf8')) as {
        runs: {
          results: {
            ruleId: string;
            locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
          }[];
        }[];
      };
      const rows = sarif.runs[0]!.results;
      const found = rows.map(
        (row) => `${row.ruleId} ${row.locations[0]!.physicalLocation.artifactLocation.uri}`,
      );
      const unjustified = found.filter((finding) => !(finding in JUSTIFIED));
      expect(unjustified, JSON.stringify(rows, null, 2)).toEqual([]);
      expect(Object.keys(JUSTIFIED).filter((finding) => !found.includes(finding))).toEqual([]);
      console.log(
        `electronegativity ${electron}: ${rows.length} findings, all justified: ${found.join('; ')}`,
      );
    } finally {
      await rm(input, { recursive: true, force: true });
    }
  }, 150_000);
});
