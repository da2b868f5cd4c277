import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/corpus';

/**
 * Gloss runs offline and sends nothing anywhere: no code of main/ or shared/ opens an outbound
 * connection (the browser host only listens, on loopback). The page's side is checked in
 * Chromium (test/e2e/hostile-article.e2e.test.ts: every request goes to Gloss's own origin).
 */
const OUTBOUND = [
  /\bfetch\s*\(/,
  /\bhttps?\.(request|get)\s*\(/,
  /\bnet\.(connect|createConnection)\s*\(/,
  /\btls\.connect\s*\(/,
  /\bnew\s+WebSocket\b/,
  /from\s+['"]node:(dgram|dns)['"]/,
  /\bshell\.openExternal\s*\(/,
];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(join(REPO, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('offline', () => {
  it('main/ and shared/ open no outbound connection', async () => {
    const files = [...(await sources('main')), ...(await sources('shared'))];
    expect(files.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const pattern of OUTBOUND)
        if (pattern.test(text)) hits.push(`${file.slice(REPO.length + 1)}: ${pattern}`);
    }
    expect(hits).toEqual([]);
  });
});
