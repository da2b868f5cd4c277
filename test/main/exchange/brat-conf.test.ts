import { describe, expect, it } from 'vitest';
import { bratExport } from '../../../main/exchange/formats/brat';
import { sampleDataset } from '../../support/sample-dataset';

const SECTIONS = ['entities', 'relations', 'events', 'attributes'];

/** annotation.conf as brat reads it: sections of lines, `#` comments and blank lines skipped. */
function sections(conf: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of conf.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = [];
      out.set(header[1]!, current);
    } else {
      if (!current) throw new Error(`a line before any section: ${line}`);
      current.push(line);
    }
  }
  return out;
}

function exported() {
  const dataset = sampleDataset();
  const files = bratExport.write(dataset, {});
  const text = (path: string) => String(files.find((f) => f.path === path)!.content);
  // The labels give each brat type's real name, so the test need not know how types are derived.
  const typeOf = new Map(
    text('visual.conf')
      .split('\n')
      .filter((l) => l.includes(' | '))
      .map((l) => l.split(' | ').reverse() as [string, string]),
  );
  return { dataset, conf: sections(text('annotation.conf')), typeOf, files };
}

describe('brat annotation.conf', () => {
  it('has the four sections brat expects, with events empty', () => {
    const { conf } = exported();
    expect([...conf.keys()].sort()).toEqual([...SECTIONS].sort());
    expect(conf.get('events')).toEqual([]);
  });

  it('nests every code under its group with one tab a level, groups marked as not applicable', () => {
    const { dataset, conf, typeOf } = exported();
    const entities = conf.get('entities')!;
    const byId = new Map(dataset.codebook.codes.map((c) => [c.id, c]));
    const depth = (id: string): number => {
      const parent = byId.get(id)!.parentId;
      return parent ? depth(parent) + 1 : 0;
    };
    for (const code of dataset.codebook.codes) {
      const type = typeOf.get(code.name);
      expect(type, code.name).toMatch(/^[A-Za-z0-9_-]+$/);
      const line = `${'\t'.repeat(depth(code.id))}${code.codable ? '' : '!'}${type}`;
      expect(entities, code.name).toContain(line);
      if (code.parentId) {
        // Its group is the nearest less indented line above it.
        const index = entities.indexOf(line);
        const above = entities.slice(0, index).reverse();
        const group = above.find((l) => /^\t*/.exec(l)![0].length === depth(code.id) - 1);
        expect(group?.replace(/^\t*!?/, '')).toBe(typeOf.get(byId.get(code.parentId)!.name));
      }
    }
    expect(entities).toHaveLength(dataset.codebook.codes.length);
  });

  it('lists every relation type, and every type the .ann files use', () => {
    const { dataset, conf, typeOf, files } = exported();
    const relations = conf.get('relations')!.map((l) => l.split('\t')[0]);
    for (const type of dataset.codebook.relationTypes) expect(relations).toContain(typeOf.get(type.name));
    for (const line of conf.get('relations')!) expect(line).toMatch(/^\S+\tArg1:\S+, Arg2:\S+(, \S+)?$/);
    const entityTypes = conf.get('entities')!.map((l) => l.replace(/^\t*!?/, ''));
    const anns = files.filter((f) => f.path.endsWith('.ann')).map((f) => String(f.content));
    for (const line of anns.join('\n').split('\n')) {
      const t = /^T\d+\t(\S+) /.exec(line);
      if (t) expect(entityTypes).toContain(t[1]);
      const r = /^R\d+\t(\S+) /.exec(line);
      if (r) expect(relations).toContain(r[1]);
    }
  });

  it('declares the Annotator attribute with every annotator as a value', () => {
    const { dataset, conf } = exported();
    const annotator = conf.get('attributes')!.find((l) => l.startsWith('Annotator\t'));
    const authors = new Set(dataset.documents.flatMap((d) => d.annotations.map((a) => a.author)));
    expect(annotator).toMatch(/^Annotator\tArg:<ENTITY>, Value:\S+$/);
    expect(new Set(annotator!.split('Value:')[1]!.split('|'))).toEqual(authors);
  });

  it('gives codes whose names brat cannot use as types distinct, safe types', () => {
    const dataset = sampleDataset();
    const groupId = dataset.codebook.codes[0]!.id;
    for (const [id, name] of [
      ['cjk', '北京'],
      ['spaced', 'Free  expression'],
      ['piped', 'a|b: c'],
    ])
      dataset.codebook.codes.push({
        ...dataset.codebook.codes[1]!,
        id: id!,
        name: name!,
        parentId: groupId,
        shortcut: undefined,
      });
    const files = bratExport.write(dataset, {});
    const entities = sections(String(files.find((f) => f.path === 'annotation.conf')!.content)).get(
      'entities',
    )!;
    const types = entities.map((l) => l.replace(/^\t*!?/, ''));
    expect(new Set(types.map((t) => t.toLowerCase())).size).toBe(types.length);
    for (const type of types) expect(type).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
