import type { Code } from '../../../../shared/model/codebook';
import type { Dataset } from '../../dataset';
import { splitNote } from './brat-shapes';
import { ANNOTATOR_ATTRIBUTE, type BratTypes, STAKEHOLDER_DB } from './brat-types';
import { encodeAttributeValue } from './escapes';
import { STAKEHOLDER_FILE } from './stakeholder-register';

/** Comment lines of annotation.conf that carry a type's Gloss code or relation type as JSON. */
export const CODE_COMMENT = '# gloss-code';
export const RELATION_COMMENT = '# gloss-relation';

/**
 * annotation.conf: the codebook as brat's entity hierarchy (a child one tab deeper than its
 * group; a code that cannot be applied, such as a group, marked `!` as brat marks abstract
 * types), every relation type between any two entities, any overlap allowed (Gloss allows it),
 * equivalence types as symmetric-transitive relations, the codes of event triggers as event
 * types with the roles they take, and the attributes: `Annotator` and those kept in notes. brat skips `#` lines, so the exact Gloss names,
 * roles and descriptions ride along as `# gloss-code` comments for Gloss's import.
 */
export function writeAnnotationConf(dataset: Dataset, types: BratTypes): string {
  const { codes, relationTypes } = dataset.codebook;
  const header = [
    `# Written by Gloss from the project ${JSON.stringify(dataset.project.name)} at ${dataset.exportedAt}.`,
    '# Offsets in the .ann files count Unicode code points, as brat does.',
    `# ${ANNOTATOR_ATTRIBUTE} (attribute): who made the annotation, percent-encoded.`,
    `# N lines: ${STAKEHOLDER_DB}:<id> is an entry of the stakeholder register in ${STAKEHOLDER_FILE}`,
    '#   (a brat normalisation DB source: tools/norm_db_init.py reads it).',
    '# AnnotatorNotes: notes with \\n, \\t, \\r and \\\\ escaped; a figure value is a "value: {json}" note.',
    '# The gloss-code and gloss-relation lines give each type its Gloss name, as JSON.',
    '# Relations typed "<Role> (event role)", "Equiv" or "<Type> (equivalence)" and "fragment-of" in Gloss',
    '#   are the E, * and discontinuous T lines of the .ann files; "attribute: …" note lines are A lines.',
  ];
  const comments = [
    ...codes.map((c) => `${CODE_COMMENT}\t${types.codes.get(c.id)}\t${JSON.stringify(codeJson(c))}`),
    ...[...types.codes]
      .filter(([id]) => !codes.some((c) => c.id === id))
      .map(([id, type]) => `${CODE_COMMENT}\t${type}\t${JSON.stringify({ name: id })}`),
    ...relationTypes.flatMap((r) => {
      const type = types.relations.get(r.id);
      return type ? [`${RELATION_COMMENT}\t${type}\t${JSON.stringify({ name: r.name })}`] : [];
    }),
  ];
  const authors = [
    ...new Set(dataset.documents.flatMap((d) => d.annotations.map((a) => encodeAttributeValue(a.author)))),
  ];
  const events = eventRoles(dataset, types);
  const equivalences = new Set(
    [...types.shapes.values()].flatMap((s) => (s.kind === 'equivalence' ? [s.type] : [])),
  );
  return [
    ...header,
    ...comments,
    '',
    '[entities]',
    ...typeLines(codes, types, events, 'entities'),
    '',
    '[relations]',
    '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
    ...[...types.relations.values()].map((type) => `${type}\tArg1:<ENTITY>, Arg2:<ENTITY>`),
    ...[...equivalences].map(
      (type) => `${type}\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive`,
    ),
    '',
    '[events]',
    ...typeLines(codes, types, events, 'events'),
    '',
    '[attributes]',
    ...(authors.length > 0 ? [`${ANNOTATOR_ATTRIBUTE}\tArg:<ENTITY>, Value:${authors.join('|')}`] : []),
    ...[...noteAttributes(dataset)].map(
      ([name, values]) =>
        `${name}\tArg:<ENTITY>|<EVENT>${values.size > 0 ? `, Value:${[...values].join('|')}` : ''}`,
    ),
    '',
  ].join('\n');
}

function codeJson(code: Code) {
  return {
    name: code.name,
    ...(code.role ? { role: code.role } : {}),
    ...(code.description ? { description: code.description } : {}),
  };
}

/**
 * One section's type hierarchy, depth first from the top-level codes, so each code sits under its
 * own group whatever the order. Event types (the codes of triggers) go under [events] with their
 * roles, other codes under [entities]; a group goes wherever a code under it goes.
 */
function typeLines(
  codes: readonly Code[],
  types: BratTypes,
  events: ReadonlyMap<string, ReadonlySet<string>>,
  section: 'entities' | 'events',
): string[] {
  const ids = new Set(codes.map((c) => c.id));
  const children = new Map<string | null, Code[]>();
  for (const code of codes) {
    const parent = code.parentId !== null && ids.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const inSection = (id: string) => events.has(id) === (section === 'events');
  const belongs = (code: Code, seen = new Set<string>()): boolean => {
    if (seen.has(code.id)) return false;
    seen.add(code.id);
    const under = children.get(code.id) ?? [];
    return under.length === 0 ? inSection(code.id) : under.some((child) => belongs(child, seen));
  };
  const line = (id: string, type: string) => {
    const roles = events.get(id);
    return section === 'events' && roles
      ? `${type}\t${[...roles].map((role) => `${role}*:<ENTITY>|<EVENT>`).join(', ')}`
      : type;
  };
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (code: Code, depth: number) => {
    if (seen.has(code.id) || !belongs(code)) return;
    seen.add(code.id);
    out.push(`${'\t'.repeat(depth)}${code.codable ? '' : '!'}${line(code.id, types.codes.get(code.id)!)}`);
    for (const child of children.get(code.id) ?? []) visit(child, depth + 1);
  };
  for (const top of children.get(null) ?? []) visit(top, 0);
  // Codes an annotation uses that the codebook lacks: plain top-level types.
  for (const [id, type] of types.codes) if (!ids.has(id) && inSection(id)) out.push(line(id, type));
  return out;
}

/** The codes of event triggers, each with the roles its arguments take (brat-shapes.ts). */
function eventRoles(dataset: Dataset, types: BratTypes): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const document of dataset.documents) {
    const codeOf = new Map(document.annotations.map((a) => [a.id, a.code]));
    for (const r of document.relations) {
      const shape = types.shapes.get(r.type);
      const code = codeOf.get(r.from);
      if (shape?.kind !== 'event-role' || code === undefined || !codeOf.has(r.to)) continue;
      out.set(code, (out.get(code) ?? new Set()).add(shape.role));
    }
  }
  return out;
}

/** brat attributes kept as `attribute: …` note lines, by name, with the values they take. */
function noteAttributes(dataset: Dataset): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const document of dataset.documents)
    for (const { note } of [...document.annotations, ...document.relations])
      for (const { name, value } of splitNote(note).attributes) {
        const values = out.get(name) ?? new Set<string>();
        if (value !== undefined) values.add(value);
        out.set(name, values);
      }
  return out;
}

/** visual.conf: the real names as labels (brat shows them) and the codebook's colours. */
export function writeVisualConf(dataset: Dataset, types: BratTypes): string {
  const label = (type: string, name: string) => `${type} | ${name.replace(/\|/g, '/')}`;
  return [
    '# Written by Gloss: code and relation names as labels, colours from the codebook.',
    '[labels]',
    ...dataset.codebook.codes.map((c) => label(types.codes.get(c.id)!, c.name)),
    // Roles and equivalence types keep brat's names, so only R line types need a label.
    ...dataset.codebook.relationTypes.flatMap((r) => {
      const type = types.relations.get(r.id);
      return type ? [label(type, r.name)] : [];
    }),
    '',
    '[drawing]',
    'SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken',
    'ARC_DEFAULT\tcolor:black, arrowHead:triangle-5',
    ...dataset.codebook.codes.map((c) => `${types.codes.get(c.id)}\tbgColor:${c.color}`),
    '',
  ].join('\n');
}
