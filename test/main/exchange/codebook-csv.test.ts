import { describe, expect, it } from 'vitest';
import { codebookCsvImport } from '../../../main/exchange/formats/codebook';
import type { ImportResult } from '../../../main/exchange/import-plan';

function read(content: string | Uint8Array, file = 'codes.csv'): ImportResult {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return codebookCsvImport.read(new Map([[file, bytes]]));
}

describe('CSV codebook import', () => {
  it('reads codes under their groups, and groups as codes that are not applied', () => {
    const csv = [
      'Name,Group,Description,Colour',
      'Privacy,Concerns,"Collection and use of personal information, ""data""",#f28e2b',
      'Security,Concerns,"National,\nor personal",',
      'Concerns,,Issues raised in the story.,#e15759',
      'Valuation,Figures,,',
    ].join('\r\n');
    const result = read(`\uFEFF${csv}\r\n`);
    expect(result).toEqual({
      ok: true,
      plan: {
        documents: [],
        stakeholders: [],
        relationTypes: [],
        codes: [
          {
            name: 'Concerns',
            description: 'Issues raised in the story.',
            color: '#e15759',
            codable: false,
          },
          { name: 'Figures', codable: false },
          {
            name: 'Privacy',
            group: 'Concerns',
            description: 'Collection and use of personal information, "data"',
            color: '#f28e2b',
          },
          { name: 'Security', group: 'Concerns', description: 'National,\nor personal' },
          { name: 'Valuation', group: 'Figures' },
        ],
      },
    });
  });

  it('reads semicolon-separated files as Excel writes them in much of Europe', () => {
    const result = read('name;group\nSécurité;Préoccupations\n');
    expect(result.ok && result.plan.codes.map((c) => c.name)).toEqual(['Préoccupations', 'Sécurité']);
  });

  it('reports each bad row by its line, counting lines inside quoted fields', () => {
    const csv = [
      'name,group,description,color',
      'Privacy,Concerns,"two', // a field over two lines: the next record starts on line 4
      'lines",#f28e2b',
      ',Concerns,no name,',
      'Security,Concerns,,red',
      'privacy,Other,again,',
      'Extra,Concerns,a,b,c',
      'Figures,Figures,,',
    ].join('\n');
    const result = read(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.file, p.line])).toEqual([
      ['codes.csv', 4],
      ['codes.csv', 5],
      ['codes.csv', 6],
      ['codes.csv', 7],
      ['codes.csv', 8],
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/name is empty/),
      expect.stringMatching(/colour "red"/),
      expect.stringMatching(/"privacy" is also on line 2/),
      expect.stringMatching(/5 fields where the header has 4/),
      expect.stringMatching(/group of its own name/),
    ]);
  });

  it('reports a header without the needed columns, or with unknown ones', () => {
    const result = read('code,category\nPrivacy,Concerns\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.every((p) => p.line === 1)).toBe(true);
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(
      /unknown column "code"[\s\S]*no "name" or "group"/,
    );
  });

  it('reports a quote that is never closed, and a file with no codes', () => {
    const open = read('name,group\n"Privacy,Concerns\n');
    expect(open.ok || open.problems).toEqual([
      { file: 'codes.csv', line: 2, message: expect.stringMatching(/Quote Not Closed/) },
    ]);
    const empty = read('name,group\n');
    expect(empty.ok || empty.problems).toEqual([{ file: 'codes.csv', message: 'no codes below the header' }]);
  });
});
