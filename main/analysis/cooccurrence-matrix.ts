import { type CooccurrenceRule, cooccurrences, pairsToWeigh } from '../../shared/analysis/cooccurrence';
import { NO_UNITS } from '../../shared/analysis/near';
import type { CooccurrenceMatrix } from '../../shared/api';
import type { AnalysisCorpus } from './analysis-corpus';
import { countedIn, rolesOf } from './each-document';
import { passageOf } from './passage-ref';

/**
 * The stakeholder × concern matrix over the whole project: for each register stakeholder and
 * each concern code, the concern passages near one of its mentions by `rule` (cooccurrence.ts),
 * every annotator's work counted, each passage listed so the screens can show what is behind a
 * number. Rows and columns are in register and codebook order; empty cells are left out.
 */
export async function cooccurrenceMatrix(
  corpus: AnalysisCorpus,
  rule: CooccurrenceRule,
  options: { annotator?: string } = {},
): Promise<CooccurrenceMatrix> {
  const { codebook, stakeholders } = corpus.info();
  const { roles, key: rolesKey } = rolesOf(codebook);
  const cells = new Map<string, CooccurrenceMatrix['cells'][number]>();
  const documents = await corpus.documents();
  const derived = `cooccurrences\n${rule}\n${options.annotator ?? ''}\n${rolesKey}`;
  // Sentences and paragraphs only of the documents with a mention and a concern, not counted yet.
  const unsplit = documents.filter(
    (d) => !corpus.hasDerived(d, derived) && pairsToWeigh(countedIn(d, options.annotator), roles),
  );
  const units = rule === 'overlap' || unsplit.length === 0 ? new Map() : await corpus.units(unsplit);
  for (const document of documents) {
    const { key, fingerprint } = document.summary;
    const pairs = corpus.derived(document, derived, () =>
      cooccurrences(units.get(fingerprint) ?? NO_UNITS, countedIn(document, options.annotator), roles, rule),
    );
    for (const { stakeholderId, concern } of pairs) {
      const id = `${stakeholderId}\n${concern.code}`;
      let cell = cells.get(id);
      if (!cell) {
        cell = { stakeholderId, code: concern.code, count: 0, passages: [] };
        cells.set(id, cell);
      }
      cell.count += 1;
      cell.passages.push(passageOf(key, concern));
    }
  }
  const rows = stakeholders.filter((s) => [...cells.values()].some((c) => c.stakeholderId === s.id));
  // A group of concerns is a column only if passages were tagged with the group itself.
  const groups = new Set(codebook.codes.map((code) => code.parentId));
  const used = new Set([...cells.values()].map((cell) => cell.code));
  const columns = codebook.codes.filter(
    (code) => roles.get(code.id) === 'concern' && (!groups.has(code.id) || used.has(code.id)),
  );
  const order = (cell: CooccurrenceMatrix['cells'][number]) =>
    rows.findIndex((s) => s.id === cell.stakeholderId) * columns.length +
    columns.findIndex((c) => c.id === cell.code);
  return {
    by: rule,
    stakeholders: rows.map(({ id, name }) => ({ id, name })),
    codes: columns.map(({ id, name }) => ({ id, name })),
    // A mention of an entry since deleted from the register has no row: left out.
    cells: [...cells.values()]
      .filter((cell) => rows.some((s) => s.id === cell.stakeholderId))
      .sort((a, b) => order(a) - order(b)),
  };
}
