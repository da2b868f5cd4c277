import { stat } from 'node:fs/promises';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import type { Relation } from '../../shared/model/relation';
import type { Project } from '../project/project';
import { formatOf, SUPPORTED_EXTENSIONS } from '../sources/extract-document';
import { asStoredText } from './formats/jsonl-text';
import type { ImportPlan, ImportProblem, PlannedDocument } from './import-plan';

/**
 * Where each document of an import plan lands: a new .txt article, or an article the project
 * already has, which then takes only the annotations.
 *
 * A document's key is `into/path`. It names an existing article when that file exists, or, since
 * Gloss's exports rename what is not a .txt, when `path` less its ".txt" is one (jsonl and brat
 * write `a.html` as `a.html.txt`) or its stem with another extension Gloss reads is one (brat and
 * REFI-QDA write `a.html` as `a.txt`). Several such articles: the one with the same text.
 *
 * An existing article is annotated only when its text, as Gloss reads it (extracted from HTML, a
 * byte-order mark dropped, line endings "\n"), is the document's text after that same
 * normalisation; otherwise it is a problem naming the first place they differ, and, as for any
 * problem, nothing at all is written.
 */
export type ImportTarget =
  | { key: string; existing: false; document: PlannedDocument }
  | {
      key: string;
      existing: true;
      /** The document, its text and offsets brought to the article's "\n" line endings. */
      document: PlannedDocument;
      /** What is already on the article (every annotator's, re-attached to its current text). */
      annotations: Annotation[];
      relations: Relation[];
    };

export type ImportTargets = { ok: true; targets: ImportTarget[] } | { ok: false; problems: ImportProblem[] };

export async function importTargets(
  project: Project,
  plan: ImportPlan,
  into: string,
): Promise<ImportTargets> {
  const folder = into.replace(/^\/+|\/+$/g, '').replace(/^\.$/, '');
  const targets: ImportTarget[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const planned of plan.documents) {
    const key = [folder, planned.path].filter(Boolean).join('/');
    if (!key.endsWith('.txt'))
      throw new ApiError('bad-request', `An imported document must be a .txt file, not "${key}"`);
    // Throws for anything outside the project or inside .gloss/.
    project.layout.documentPath(key);
    const document = stored(planned);
    const found = await existingArticle(project, key, document.text);
    const target = found?.key ?? key;
    if (seen.has(target))
      throw new ApiError('bad-request', `Two imported documents would both be "${target}"`);
    seen.add(target);
    if (!found) {
      targets.push({ key, existing: false, document });
      continue;
    }
    const difference = found.text === undefined ? found.refusal : whereTextsDiffer(document.text, found.text);
    if (difference) {
      problems.push({ file: planned.path, message: `${found.key} is already in the project, ${difference}` });
      continue;
    }
    targets.push({ key: found.key, existing: true, document, annotations: [], relations: [] });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Read only once all is well: reading an article's work may save its files re-attached.
  for (const target of targets) {
    if (!target.existing) continue;
    const work = await project.openDocument(target.key);
    target.annotations = work.annotations;
    target.relations = work.relations;
  }
  return { ok: true, targets };
}

/** The document as Gloss will read it back (no byte-order mark, "\n" line endings), offsets moved to match. */
function stored(document: PlannedDocument): PlannedDocument {
  const { text, offsetOf } = asStoredText(document.text);
  if (text === document.text) return document;
  return {
    ...document,
    text,
    annotations: document.annotations.map((a) => ({ ...a, start: offsetOf(a.start), end: offsetOf(a.end) })),
  };
}

interface FoundArticle {
  key: string;
  /** Its text as Gloss reads it; undefined with `refusal` when Gloss cannot read it. */
  text?: string;
  refusal?: string;
}

/** The article `key` names (see ImportTarget), or undefined when there is none: the document is new. */
async function existingArticle(
  project: Project,
  key: string,
  text: string,
): Promise<FoundArticle | undefined> {
  const stem = key.slice(0, -'.txt'.length);
  const renamed = formatOf(stem) ? [stem] : SUPPORTED_EXTENSIONS.map((ext) => stem + ext);
  const found: FoundArticle[] = [];
  for (const candidate of new Set([key, ...renamed])) {
    if (!(await isFile(project, candidate))) continue;
    const read = await readArticle(project, candidate);
    // The key itself always wins; of renamed ones, the first with the same text.
    if (candidate === key || read.text === text) return read;
    found.push(read);
  }
  return found[0];
}

async function isFile(project: Project, key: string): Promise<boolean> {
  try {
    return (await stat(project.layout.documentPath(key))).isFile();
  } catch {
    return false;
  }
}

async function readArticle(project: Project, key: string): Promise<FoundArticle> {
  try {
    return { key, text: (await project.getDocument(key)).text };
  } catch (error) {
    return { key, refusal: `but Gloss cannot read it (${(error as Error).message})` };
  }
}

/**
 * Where the imported text and the article's differ, in words a researcher can check: the first
 * differing position (UTF-16 units from the start, line and column) and a few characters of each.
 */
export function whereTextsDiffer(imported: string, article: string): string | undefined {
  if (imported === article) return undefined;
  let at = 0;
  while (at < imported.length && at < article.length && imported[at] === article[at]) at++;
  const before = imported.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const excerpt = (text: string) =>
    at >= text.length ? 'the end of the text' : JSON.stringify(text.slice(at, at + 20));
  return `with another text: they first differ at character ${at} (line ${line}, column ${column}), where the import has ${excerpt(imported)} and the article ${excerpt(article)}`;
}
