import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutMessageBox } from '../../../main/electron/about';
import { REPO } from '../../support/corpus';

const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

describe('Help → About Gloss', () => {
  const box = aboutMessageBox({ app: '1.2.3', electron: '41.7.1', chrome: '146.0.1', node: '24.1.0' });

  it('leads with the version the app runs', () => {
    expect(box.title).toBe('About Gloss');
    expect(box.message).toBe('Gloss 1.2.3');
  });

  it('says what Gloss is, where it lives, what it runs on and who makes it, from package.json', () => {
    expect(box.detail).toContain(manifest.description);
    expect(box.detail).toContain(manifest.homepage);
    expect(box.detail).toContain('Electron 41.7.1 · Chromium 146.0.1 · Node.js 24.1.0');
    expect(box.detail).toContain(manifest.author.email);
  });
});
