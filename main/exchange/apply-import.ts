import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ImportSummary } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import type { Codebook } from '../../shared/model/codebook';
import type { Relation } from '../../shared/model/relation';
import { targetFor } from '../../shared/text/quote';
import { annotatorName } from '../project/annotator';
import type { Project } from '../project/project';
import { sameAnnotation, sameRelation } from './already-there';
import type { ImportPlan, PlannedCode } from './import-plan';
import { ImportProblemsError } from './import-problems-error';
import { importTargets } from './import-targets';

export type { ImportSummary };

import { registerIdsByName } from '../../shared/model/register-names';
import { foldName as folded } from '../../shared/text/fold-name';

/**
 * Writes a checked import plan into the project: the texts as new articles under `into` (a
 * folder of the project; an existing file is never overwritten), codes merged into the codebook
 * by name, stakeholders into the register by name or alias, then each author's annotations and
 * relations. A document whose key names an article already in the project with the same text
 * (import-targets.ts) brings only its annotations and relations onto that article, less those
 * already there (already-there.ts); one with another text is a problem (ImportProblemsError).
 * Everything that can be checked is checked before the first write.
 */
export async function applyImport(project: Project, plan: ImportPlan, into: string): Promise<ImportSummary> {
  project.assertWritable();
  checkReferences(plan);
  const checked = await importTargets(project, plan, into);
  if (!checked.ok) throw new ImportProblemsError(checked.problems);
  const { targets } = checked;

  const summary: ImportSummary = {
    documents: targets.flatMap((t) => (t.existing ? [] : [t.key])),
    annotated: targets.flatMap((t) => (t.existing ? [t.key] : [])),
    codesAdded: [],
    stakeholdersAdded: [],
    relationTypesAdded: [],
    annotations: 0,
    relations: 0,
    alreadyThere: { annotations: 0, relations: 0 },
    ...(plan.mapping ? { mapping: plan.mapping } : {}),
  };
  const codeIds = await mergeCodes(project, plan.codes, summary);
  const stakeholderIds = await mergeStakeholders(project, plan, summary);
  const relationTypeIds = await mergeRelationTypes(project, plan.relationTypes, summary);

  for (const target of targets) {
    const { key, document } = target;
    if (!target.existing) {
      const path = project.layout.documentPath(key);
      await mkdir(dirname(path), { recursive: true });
      // 'wx': never over an article that appeared since the check.
      await writeFile(path, document.text, { flag: 'wx' });
    }
    const now = new Date().toISOString();
    const ids = new Map<string, string>(document.annotations.map((a) => [a.sourceId, randomUUID()]));
    const byAuthor = new Map<string, { annotations: Annotation[]; relations: Relation[] }>();
    const bucket = (author: string) => {
      let found = byAuthor.get(author);
      if (!found) {
        found = { annotations: [], relations: [] };
        byAuthor.set(author, found);
      }
      return found;
    };
    const authorOf = new Map<string, string>();
    for (const planned of document.annotations) {
      const author = annotatorName(planned.author ?? project.annotator);
      authorOf.set(planned.sourceId, author);
      const annotation: Annotation = {
        id: ids.get(planned.sourceId)!,
        code: codeIds.get(folded(planned.code))!,
        author,
        created: planned.created ?? now,
        modified: planned.modified ?? planned.created ?? now,
        target: targetFor(document.text, planned.start, planned.end),
        ...(planned.note ? { note: planned.note } : {}),
        ...(planned.value ? { value: planned.value } : {}),
        ...(planned.stakeholder ? { stakeholderId: stakeholderIds.get(folded(planned.stakeholder))! } : {}),
      };
      const there = target.existing
        ? target.annotations.find((a) => sameAnnotation(a, annotation))
        : undefined;
      if (there) {
        // Relations of the import then link the annotation already there.
        ids.set(planned.sourceId, there.id);
        summary.alreadyThere.annotations++;
        continue;
      }
      bucket(author).annotations.push(annotation);
    }
    for (const relation of document.relations) {
      // A relation lives in its first annotation's author's file, beside it.
      const author = authorOf.get(relation.from)!;
      const link: Relation = {
        id: randomUUID(),
        type: relationTypeIds.get(folded(relation.type))!,
        from: ids.get(relation.from)!,
        to: ids.get(relation.to)!,
        author,
        created: now,
        modified: now,
        ...(relation.note ? { note: relation.note } : {}),
      };
      if (target.existing && target.relations.some((r) => sameRelation(r, link))) {
        summary.alreadyThere.relations++;
        continue;
      }
      bucket(author).relations.push(link);
    }
    for (const [author, content] of byAuthor) {
      await project.addImported(key, author, content.annotations, content.relations);
      summary.annotations += content.annotations.length;
      summary.relations += content.relations.length;
    }
  }
  return summary;
}

function checkReferences(plan: ImportPlan): void {
  const codes = new Set(plan.codes.map((c) => folded(c.name)));
  const stakeholders = new Set(plan.stakeholders.map((s) => folded(s.name)));
  const types = new Set(plan.relationTypes.map(folded));
  for (const document of plan.documents) {
    const sources = new Set(document.annotations.map((a) => a.sourceId));
    for (const a of document.annotations) {
      if (!codes.has(folded(a.code)))
        throw planError(document.path, `the code "${a.code}" is not among the codes`);
      if (a.stakeholder && !stakeholders.has(folded(a.stakeholder)))
        throw planError(document.path, `the stakeholder "${a.stakeholder}" is not among the stakeholders`);
      try {
        targetFor(document.text, a.start, a.end);
      } catch (error) {
        throw planError(document.path, `annotation ${a.sourceId}: ${(error as Error).message}`);
      }
    }
    for (const r of document.relations) {
      if (!types.has(folded(r.type)))
        throw planError(document.path, `the relation type "${r.type}" is not listed`);
      if (!sources.has(r.from) || !sources.has(r.to))
        throw planError(
          document.path,
          `a relation links ${r.from} and ${r.to}, which are not both annotations there`,
        );
    }
  }
}

function planError(path: string, message: string): ApiError {
  return new ApiError('bad-request', `${path}: ${message}`);
}

/** Codes by name (case-insensitive, anywhere in the codebook); new ones go under their group. */
async function mergeCodes(project: Project, planned: PlannedCode[], summary: ImportSummary) {
  const ids = new Map<string, string>();
  const index = (book: Codebook) => {
    for (const code of book.codes) if (!ids.has(folded(code.name))) ids.set(folded(code.name), code.id);
  };
  index(project.info().codebook);
  // Groups first, so their codes have somewhere to go.
  const groups = new Set(planned.flatMap((c) => (c.group ? [folded(c.group)] : [])));
  const ordered = [
    ...planned.filter((c) => !c.group && groups.has(folded(c.name))),
    ...planned.filter((c) => !(!c.group && groups.has(folded(c.name)))),
  ];
  for (const group of groups) {
    if (!ordered.some((c) => folded(c.name) === group)) ordered.unshift({ name: group, codable: false });
  }
  for (const code of ordered) {
    if (ids.has(folded(code.name))) continue;
    const parentId = code.group ? (ids.get(folded(code.group)) ?? null) : null;
    const book = await project.codebook.add({
      name: code.name,
      parentId,
      ...(code.color && /^#[0-9a-fA-F]{6}$/.test(code.color) ? { color: code.color } : {}),
      ...(code.description ? { description: code.description } : {}),
      ...(code.role ? { role: code.role } : {}),
      ...(code.codable === false || groups.has(folded(code.name)) ? { codable: false } : {}),
    });
    index(book);
    summary.codesAdded.push(code.name);
  }
  return ids;
}

async function mergeStakeholders(project: Project, plan: ImportPlan, summary: ImportSummary) {
  const ids = registerIdsByName(project.info().stakeholders);
  for (const planned of plan.stakeholders) {
    if (ids.has(folded(planned.name))) continue;
    const added = await project.stakeholders.add({
      name: planned.name,
      kind: planned.kind,
      aliases: planned.aliases ?? [],
      ...(planned.description ? { description: planned.description } : {}),
      ...(planned.country ? { country: planned.country } : {}),
    });
    for (const name of [added.name, ...added.aliases]) ids.set(folded(name), added.id);
    summary.stakeholdersAdded.push(planned.name);
  }
  return ids;
}

async function mergeRelationTypes(project: Project, names: string[], summary: ImportSummary) {
  const ids = new Map<string, string>();
  const index = (book: Codebook) => {
    for (const type of book.relationTypes) {
      ids.set(folded(type.name), type.id);
      ids.set(folded(type.id), type.id);
    }
  };
  index(project.info().codebook);
  for (const name of names) {
    if (ids.has(folded(name))) continue;
    index(await project.relationTypes.add({ name }));
    summary.relationTypesAdded.push(name);
  }
  return ids;
}
