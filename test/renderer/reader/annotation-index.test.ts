import { describe, expect, it } from 'vitest';
import {
  indexAnnotations,
  innermost,
  lazyAnnotationIndex,
} from '../../../renderer/src/reader/annotation-index';
import type { Annotation } from '../../../shared/model/annotation';

function annotation(id: string, start: number, end: number): Annotation {
  return {
    id,
    code: 'security',
    author: 'tester',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    target: { start, end, quote: '', prefix: '', suffix: '' },
  };
}

const ids = (list: readonly Annotation[]) => list.map((a) => a.id);

describe('the annotation index', () => {
  // outer [0, 50) holds middle [10, 30), which holds inner [15, 20); apart [40, 45) overlaps outer only.
  const outer = annotation('outer', 0, 50);
  const middle = annotation('middle', 10, 30);
  const inner = annotation('inner', 15, 20);
  const apart = annotation('apart', 40, 45);
  const index = indexAnnotations([outer, middle, inner, apart]);

  it('finds every annotation covering a character, in text order', () => {
    expect(ids(index.at(17))).toEqual(['outer', 'middle', 'inner']);
    expect(ids(index.at(42))).toEqual(['outer', 'apart']);
    expect(ids(index.at(5))).toEqual(['outer']);
  });

  it('treats ends as exclusive and starts as inclusive', () => {
    expect(ids(index.at(15))).toEqual(['outer', 'middle', 'inner']);
    expect(ids(index.at(20))).toEqual(['outer', 'middle']);
    expect(ids(index.at(50))).toEqual([]);
  });

  it('finds nothing before, after or between annotations', () => {
    const spaced = indexAnnotations([annotation('a', 5, 10), annotation('b', 20, 25)]);
    expect(spaced.at(0)).toEqual([]);
    expect(spaced.at(12)).toEqual([]);
    expect(spaced.at(99)).toEqual([]);
    expect(indexAnnotations([]).at(3)).toEqual([]);
  });

  it('accepts a list out of order', () => {
    expect(ids(indexAnnotations([apart, inner, outer, middle]).at(17))).toEqual(['outer', 'middle', 'inner']);
  });

  it('answers with 10,000 annotations in well under a millisecond a lookup', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => annotation(`a${i}`, i * 10, i * 10 + 25));
    const lazy = lazyAnnotationIndex(many);
    expect(ids(lazy.at(5_004))).toEqual(['a498', 'a499', 'a500']);
    const started = performance.now();
    for (let offset = 0; offset < 100_000; offset += 10) lazy.at(offset);
    expect((performance.now() - started) / 10_000).toBeLessThan(0.1);
  });
});

describe('innermost', () => {
  it('is the shortest annotation', () => {
    expect(
      innermost([annotation('long', 0, 50), annotation('short', 10, 12), annotation('mid', 5, 30)])?.id,
    ).toBe('short');
  });

  it('is the later one of two as long, and nothing of none', () => {
    expect(innermost([annotation('first', 0, 5), annotation('second', 3, 8)])?.id).toBe('second');
    expect(innermost([])).toBeUndefined();
  });
});
