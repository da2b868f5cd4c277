import { describe, expect, it } from 'vitest';
import { codebookExport } from '../../../main/exchange/formats/codebook';
import { Codebook } from '../../../shared/model/codebook';
import { sampleDataset } from '../../support/sample-dataset';

function exported(dataset = sampleDataset()): Map<string, string> {
  return new Map(codebookExport.write(dataset, {}).map((f) => [f.path, String(f.content)]));
}

describe('codebook export', () => {
  it('writes codebook.json that Gloss reads back as the same codebook, relation types included', () => {
    const dataset = sampleDataset();
    const json = JSON.parse(exported(dataset).get('codebook.json')!);
    expect(Codebook.parse(json)).toEqual(dataset.codebook);
    expect(json.relationTypes.length).toBeGreaterThan(0);
  });

  it('writes codebook.md with a heading per group and each code’s colour, key and description', () => {
    const { codebook } = sampleDataset();
    const markdown = exported().get('codebook.md')!;
    for (const code of codebook.codes) {
      if (code.parentId === null) {
        expect(markdown).toContain(`\n## ${code.name}\n`);
        continue;
      }
      const item = markdown.split('\n').find((line) => line.includes(`- **${code.name}**`));
      expect(item, code.name).toBeDefined();
      expect(item).toContain(code.color);
      if (code.shortcut) expect(item).toContain(`\`${code.shortcut}\``);
      expect(item).toContain(code.description.split('\n')[0]!.slice(0, 20));
    }
    const relationTypes = markdown.slice(markdown.indexOf('## Relation types'));
    for (const type of codebook.relationTypes)
      expect(relationTypes).toContain(`- **${type.name}**: ${type.description}`);
  });

  it('escapes Markdown in names and keeps a long description inside its list item', () => {
    const dataset = sampleDataset();
    const privacy = dataset.codebook.codes.find((c) => c.id === 'privacy')!;
    privacy.name = 'Privacy *and* data_protection';
    privacy.description = 'First line.\n- not a list\nThird line.';
    const markdown = exported(dataset).get('codebook.md')!;
    expect(markdown).toContain('**Privacy \\*and\\* data\\_protection**');
    expect(markdown).toContain('First line.\n  \\- not a list\n  Third line.');
  });
});
