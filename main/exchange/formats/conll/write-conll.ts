import type { Codebook } from '../../../../shared/model/codebook';
import { roleOf, subtreeIds } from '../../../../shared/model/codebook-tree';
import { utf16ToCodePoints } from '../../../../shared/text/offsets';
import type { DatasetDocument, ExportFormat } from '../../dataset';
import { iob2Tags, type TagSpan } from './iob2';
import { tokenSentences } from './sentences';

/**
 * CoNLL with IOB2 tags, for training and checking sequence taggers. One file per document,
 * `<key>.conll` (the key keeps its own extension, so "a.txt" and "a.md" cannot collide). Each
 * line is `TOKEN<TAB>TAG<TAB>START`: the token (tokenize.ts), its tag (B-/I-<code name with
 * spaces as "_"> or O) and the code-point offset where it starts in the document's text, to check
 * tokens against the text (Python's text[start:start+len(token)]). A blank line ends each
 * sentence (sentences.ts). Only the codes of one group are tagged (ExportOptions.group, default
 * the first stakeholder group); where its spans overlap, iob2.ts says which one wins.
 */
export const conllExport: ExportFormat = {
  id: 'conll',
  description: 'CoNLL IOB2 token tags for one code group (--group), a .conll file per document',
  offsets: 'none',
  singleFile: false,
  write(dataset, options) {
    const group = chooseGroup(dataset.codebook, options.group);
    return dataset.documents.map((document) => ({
      path: `${document.key}.conll`,
      content: conllText(document, spansOf(dataset.codebook, group, document)),
    }));
  },
};

/** The group whose codes become tags: the one asked for, else the first with the stakeholder role. */
export function chooseGroup(book: Codebook, requested?: string): string {
  const groups = book.codes.filter((c) => c.parentId === null);
  if (requested !== undefined) {
    if (book.codes.some((c) => c.id === requested)) return requested;
    const names = groups.map((g) => g.id).join(', ');
    throw new Error(`there is no code group "${requested}" in the codebook; its groups are ${names}`);
  }
  const group = groups.find((g) => roleOf(book, g.id) === 'stakeholder') ?? groups[0];
  if (!group) throw new Error('the codebook has no code groups to tag');
  return group.id;
}

function spansOf(book: Codebook, group: string, document: DatasetDocument): TagSpan[] {
  const codes = subtreeIds(book, group);
  const rank = new Map(book.codes.map((c, i) => [c.id, i]));
  const names = new Map(book.codes.map((c) => [c.id, c.name.trim().replace(/\s+/g, '_')]));
  return document.annotations
    .filter((a) => codes.has(a.code))
    .map((a) => ({
      start: a.target.start,
      end: a.target.end,
      type: names.get(a.code)!,
      rank: rank.get(a.code)!,
    }));
}

function conllText(document: DatasetDocument, spans: TagSpan[]): string {
  const sentences = tokenSentences(document.text);
  const tokens = sentences.flat();
  const tags = iob2Tags(document.text, tokens, spans);
  const starts = utf16ToCodePoints(
    document.text,
    tokens.map((t) => t.start),
  );
  let index = 0;
  return sentences
    .map((sentence) => {
      const lines = sentence.map((token) => `${token.text}\t${tags[index]}\t${starts[index++]}`);
      return `${lines.join('\n')}\n\n`;
    })
    .join('');
}
