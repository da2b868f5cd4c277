import type { Dataset, DatasetDocument } from '../../main/exchange/dataset';
import { newProjectFile } from '../../main/project/project-file';
import type { Annotation } from '../../shared/model/annotation';
import type { Relation } from '../../shared/model/relation';
import { targetFor } from '../../shared/text/quote';

/**
 * A small dataset for the exchange formats, with what breaks offsets and escaping: emoji (two
 * UTF-16 units, one code point), accents, CJK, quotes, commas, tabs and line breaks in notes,
 * overlapping spans, two annotators, stakeholders, figure values and relations.
 */
export function sampleDataset(): Dataset {
  const now = '2026-11-30T10:00:00.000Z';
  let serial = 0;
  const tag = (
    text: string,
    quote: string,
    code: string,
    extra: Partial<Annotation> & { nth?: number } = {},
  ): Annotation => {
    let start = -1;
    for (let i = 0; i <= (extra.nth ?? 0); i++) start = text.indexOf(quote, start + 1);
    if (start < 0) throw new Error(`“${quote}” is not in the text`);
    const { nth: _nth, ...rest } = extra;
    return {
      id: `a${++serial}`,
      code,
      author: 'alice',
      created: now,
      modified: now,
      target: targetFor(text, start, start + quote.length),
      ...rest,
    };
  };

  const cafeText =
    'Café 😀 talks\n\nLe café de ByteDance à Paris 😀 a ouvert; “TikTok” reached 800 million users.\n\n北京 regulators, Zoë said, raised privacy concerns about TikTok.\n';
  const bytedance = tag(cafeText, 'ByteDance', 'stakeholder', { stakeholderId: 'bytedance' });
  const users = tag(cafeText, '800 million users', 'user-count', {
    value: { min: 8e8, max: 8e8, unit: 'users', qualifier: 'exactly' },
    note: 'Worldwide, "monthly", per the company;\ttab\nand a second line',
  });
  const tiktokCafe = tag(cafeText, 'TikTok', 'stakeholder', { stakeholderId: 'tiktok' });
  const privacy = tag(cafeText, 'raised privacy concerns about TikTok', 'privacy', { author: 'bob' });
  const tiktokNested = tag(cafeText, 'TikTok', 'stakeholder', {
    stakeholderId: 'tiktok',
    nth: 1,
    author: 'bob',
  });
  const regulators = tag(cafeText, '北京 regulators', 'stakeholder', { stakeholderId: 'beijing-regulators' });
  const relation = (from: Annotation, to: Annotation, type: string, id: string): Relation => ({
    id,
    type,
    from: from.id,
    to: to.id,
    author: from.author,
    created: now,
    modified: now,
  });

  const dealText =
    'TikTok deal\n\nMicrosoft, the buyer, valued the US arm at $ 15-30 billion (£ 11-23 billion), approximately.\n';
  const microsoft = tag(dealText, 'Microsoft', 'stakeholder', { stakeholderId: 'microsoft' });
  const valuation = tag(dealText, '$ 15-30 billion', 'valuation', {
    value: { min: 15e9, max: 30e9, currency: 'USD', qualifier: 'approximately', measures: 'valuation' },
  });
  const pounds = tag(dealText, '£ 11-23 billion', 'valuation', {
    value: { min: 11e9, max: 23e9, currency: 'GBP', qualifier: 'approximately' },
  });

  const documents: DatasetDocument[] = [
    {
      key: 'world/café.txt',
      title: 'Café 😀 talks',
      metadata: { title: 'Café 😀 talks', encoding: 'UTF-8' },
      status: 'done',
      note: 'Checked twice',
      text: cafeText,
      annotations: [bytedance, users, tiktokCafe, privacy, tiktokNested, regulators].sort(
        (a, b) => a.target.start - b.target.start || a.target.end - b.target.end,
      ),
      relations: [
        relation(tiktokNested, privacy, 'raises', 'r1'),
        relation(users, tiktokCafe, 'describes', 'r2'),
      ],
    },
    {
      key: 'deal.txt',
      title: 'TikTok deal',
      metadata: {
        title: 'TikTok deal',
        encoding: 'UTF-8',
        byline: 'A. Reporter',
        publishedTime: '2020-08-02',
      },
      status: 'in-progress',
      note: '',
      text: dealText,
      annotations: [microsoft, valuation, pounds],
      relations: [relation(valuation, microsoft, 'describes', 'r3')],
    },
  ];
  return {
    project: { name: 'sample' },
    codebook: newProjectFile().codebook,
    stakeholders: [
      { id: 'bytedance', name: 'ByteDance', kind: 'company', aliases: ['Bytedance'] },
      { id: 'tiktok', name: 'TikTok', kind: 'company', aliases: [] },
      { id: 'microsoft', name: 'Microsoft', kind: 'company', aliases: [], country: 'United States' },
      {
        id: 'beijing-regulators',
        name: 'Beijing regulators',
        kind: 'government',
        aliases: ['北京 regulators'],
      },
    ],
    documents,
    exportedAt: '2026-11-30T12:00:00.000Z',
    orphansLeftOut: 0,
  };
}
