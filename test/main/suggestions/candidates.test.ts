import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../../main/suggestions/candidates';
import { CORPUS } from '../../support/corpus';

const article = (path: string) => readFile(join(CORPUS, 'news-txt', path), 'utf8');
const named = (text: string) => findCandidates(text).map((c) => `${c.name}:${c.kind}`);

describe('findCandidates', () => {
  it('finds the people and organisations of a BBC article, each span quoting its name', async () => {
    const text = await article('business/487.txt');
    const found = findCandidates(text);
    const names = found.map((c) => `${c.name}:${c.kind}`);
    expect(names).toContain('Tony Blair:person');
    expect(names).toContain('President Thabo Mbeki:person');
    expect(names).toContain('WEF:company');
    for (const c of found) expect(text.slice(c.start, c.end).split(/\s+/).join(' ')).toBe(c.name);
    // Places and months are named in capitals too, but name no stakeholder.
    expect(names.some((n) => /^(Davos|China|Iraq|Sunday)\b/.test(n))).toBe(false);
  });

  it('keeps one title and drops a title of two words, or one that is no part of a name', () => {
    expect(
      named(
        'UK Prime Minister Tony Blair met Home Office Minister Lord Falconer. Conservative MP Michael Mates said so.',
      ),
    ).toEqual(['Tony Blair:person', 'Home Office:company', 'Lord Falconer:person', 'Michael Mates:person']);
    expect(named('On Thursday Mr Straw was in India. The Prime Minister said nothing.')).toEqual([
      'Mr Straw:person',
    ]);
  });

  it('does not take a common word that opens a sentence for a name', async () => {
    const text = await article('tech/066.txt');
    const names = named(text);
    expect(names).toContain('Mr Herren:person');
    expect(names.some((n) => n.startsWith('But '))).toBe(false);
    expect(named('Shares rose. Quarterly profits fell.')).toEqual([]);
  });

  it('reads given names that are words too, and leaves out the word that describes a person', () => {
    expect(named('He met Bill Clinton and Ray Charles, then American Justin Gatlin ran.')).toEqual([
      'Bill Clinton:person',
      'Ray Charles:person',
      'Justin Gatlin:person',
    ]);
    // A name that is a place too is no person alone, nor an abbreviation that names no one.
    expect(named('Flights to Sydney rose after the IPO, as the GDP grew.')).toEqual([]);
  });

  it('keeps an organisation word, an abbreviation and initials with the name, and leaves a possessive out', () => {
    expect(
      named("Apple Inc. hired the Bank of England's economist. George W. Bush spoke to the U.S. Army."),
    ).toEqual([
      'Apple Inc.:company',
      'Bank of England:government',
      'George W. Bush:person',
      'U.S. Army:government',
    ]);
    // "of" after a person's name starts no organisation: Stuart Hensel works at the other one.
    expect(named('said Stuart Hensel of the Economist Intelligence Unit.')[0]).toBe('Stuart Hensel:person');
  });

  it('counts offsets in UTF-16 units after emoji and reads accented names', () => {
    const text = '🎉🎉 Café owner José Mourinho met Gordon Brown.';
    const found = findCandidates(text);
    expect(found.map((c) => c.name)).toEqual(['José Mourinho', 'Gordon Brown']);
    expect(found[0]!.start).toBe(text.indexOf('José'));
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.name);
  });

  it('tags a whole news corpus folder in well under a second', async () => {
    const files = (await readdir(join(CORPUS, 'news-txt/politics'))).sort().slice(0, 100);
    const texts = await Promise.all(files.map((file) => article(`politics/${file}`)));
    findCandidates('Warm up the lexicon.');
    const started = performance.now();
    let found = 0;
    for (const text of texts) found += findCandidates(text).length;
    expect(found).toBeGreaterThan(500);
    // Compromise's tagger took about 2.7 s for 100 articles; the lexicon reading takes about 50 ms.
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
