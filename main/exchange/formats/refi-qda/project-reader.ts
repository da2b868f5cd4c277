import type { ExtractedSources, ImportProblem, ImportResult, PlannedRelation } from '../../import-plan';
import type { QdpxArchive } from './archive';
import { readCodebook } from './codebook-reader';
import { LeftOut } from './left-out';
import { FileProblems } from './problems';
import { type ReadContext, readTextOf } from './read-context';
import { normaliseSourceText } from './source-text';
import { readSources, type SelectionIndex } from './sources-reader';
import { readStakeholders } from './stakeholders-reader';
import { childNamed, childrenNamed, listed, parseXml, type XmlNode } from './xml-reader';

/**
 * The plan of a project.qde, or every problem found in it. Elements the reader has no use for
 * (Graphs, Sets of other tools…) are passed over, so files from other tools load; sources and
 * selections Gloss cannot take are counted in the plan's mapping, for the summary.
 */
export function readProject(
  archive: QdpxArchive,
  qdeEntry: string,
  source: string,
  extracted: ExtractedSources = new Map(),
): ImportResult {
  const problems = new FileProblems(archive.fileName(qdeEntry));
  const parsed = parseXml(source);
  if (!parsed.ok) return fail([{ file: problems.file, line: parsed.line, message: parsed.message }]);
  const project = parsed.root;
  if (project.name !== 'Project') {
    problems.add(`the root element is <${project.name}>, not the <Project> of a REFI-QDA project`, project);
    return fail(problems.list);
  }
  problems.required(project, 'name');

  const codebook = readCodebook(childNamed(project, 'CodeBook'), project, problems);
  const { stakeholders, bySelection } = readStakeholders(project, problems);
  const context: ReadContext = {
    archive,
    problems,
    entryProblems: [],
    userNames: readUsers(project, problems),
    codeNames: codebook.nameByGuid,
    notes: new Map(),
    stakeholderBySelection: bySelection,
    extracted,
    leftOut: new LeftOut(),
  };
  readNotes(project, context);
  const { documents, selections } = readSources(project, context);
  const relations = readLinks(project, selections, context);

  const all = [...problems.list, ...context.entryProblems];
  if (all.length > 0) return fail(all);
  return {
    ok: true,
    plan: {
      documents,
      codes: codebook.codes,
      stakeholders,
      relationTypes: [...new Set(relations.map((r) => r.type))],
      ...(context.leftOut.mapping.length > 0 && { mapping: context.leftOut.mapping }),
    },
  };
}

function fail(problems: ImportProblem[]): ImportResult {
  return { ok: false, problems };
}

function readUsers(project: XmlNode, problems: FileProblems): Map<string, string> {
  const names = new Map<string, string>();
  for (const user of listed(project, 'Users', 'User')) {
    const guid = problems.guid(user, 'guid', true);
    const name = user.attrs.get('name')?.trim() || user.attrs.get('id')?.trim();
    if (guid && name) names.set(guid, name);
  }
  return names;
}

function readNotes(project: XmlNode, context: ReadContext): void {
  for (const note of listed(project, 'Notes', 'Note')) {
    const guid = context.problems.guid(note, 'guid', true);
    const text = readTextOf(note, context);
    if (guid && text !== undefined) context.notes.set(guid, normaliseSourceText(text).text);
  }
}

/**
 * Links between two coded selections of one source are relations, typed by the link's name.
 * Links between codes, sources or across documents have no Gloss equivalent and are passed over.
 */
function readLinks(project: XmlNode, selections: SelectionIndex, context: ReadContext): PlannedRelation[] {
  const relations: PlannedRelation[] = [];
  for (const link of listed(project, 'Links', 'Link')) {
    context.problems.guid(link, 'guid', true);
    const origin = context.problems.guid(link, 'originGUID', false);
    const target = context.problems.guid(link, 'targetGUID', false);
    const from = origin && selections.get(origin);
    const to = target && selections.get(target);
    if (!from || !to || from.document !== to.document) continue;
    const notes = childrenNamed(link, 'NoteRef')
      .map((ref) => context.notes.get(context.problems.guid(ref, 'targetGUID', true) ?? ''))
      .filter((n): n is string => !!n);
    const relation: PlannedRelation = {
      type: link.attrs.get('name')?.trim() || 'related',
      from: from.sourceId,
      to: to.sourceId,
      ...(notes.length > 0 && { note: notes.join('\n\n') }),
    };
    from.document.relations.push(relation);
    relations.push(relation);
  }
  return relations;
}
