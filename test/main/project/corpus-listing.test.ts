import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../main/project/project';
import { CORPUS } from '../../support/corpus';

describe('the BBC corpus as a project', () => {
  it('lists all 1,781 articles with their titles, reading the folder without writing to it', async () => {
    const folder = join(CORPUS, 'news-txt');
    const project = await Project.open(folder, { readOnly: true });
    const list = await project.listDocuments();
    expect(list.documents).toHaveLength(1781);
    expect(list.problems).toEqual([]);
    for (const doc of list.documents.filter((d) => d.metadata.encoding === 'UTF-8')) {
      const firstLine = (await readFile(join(folder, doc.key), 'utf8')).split('\n')[0]!.trim();
      expect(doc.title).toBe(firstLine);
    }
    const sections = await readdir(folder);
    expect(new Set(list.documents.map((d) => d.key.split('/')[0]))).toEqual(
      new Set(sections.filter((s) => !s.startsWith('.'))),
    );
    const legacy = list.documents.find((d) => d.key === 'sport/199.txt')!;
    expect(legacy.metadata.encoding).toBe('windows-1252');
    expect(legacy.title).toBe('Chelsea sack Mutu');
    await expect(stat(join(folder, '.gloss'))).rejects.toThrow();
  });

  it('decodes the one legacy-encoded article without replacement characters', async () => {
    const project = await Project.open(join(CORPUS, 'news-txt'), { readOnly: true });
    const doc = await project.getDocument('sport/199.txt');
    expect(doc.text).not.toContain('\uFFFD');
    expect(doc.text.startsWith('Chelsea sack Mutu\n\nChelsea have sacked Adrian Mutu')).toBe(true);
  });

  it('opens the seed article with its text intact', async () => {
    const project = await Project.open(join(CORPUS, 'seed'), { readOnly: true });
    const doc = await project.getDocument('tiktok-microsoft.txt');
    const raw = (await readFile(join(CORPUS, 'seed/tiktok-microsoft.txt'), 'utf8')).replace(/\r\n?/g, '\n');
    expect(doc.text).toBe(raw);
    expect(doc.title).toBe('TikTok: Microsoft interrupts talks about buying US weapons reports');
  });
});
