import { parseJsonText } from '../../../storage/parse-json';
import type {
  ImportFiles,
  ImportFormat,
  ImportProblem,
  PlannedCode,
  PlannedDocument,
  PlannedStakeholder,
} from '../../import-plan';
import { documentPath } from './iris';
import { readTag } from './read-tag';
import { type WebAnnotation, WebAnnotationFile } from './schema';

/**
 * Reads a W3C Web Annotation JSON-LD file (see write-web-annotation.ts for the layout Gloss
 * writes) into an import plan. Documents come only from `gloss:documents`, which carries their
 * text; an annotation whose target names any other source is a problem. Stakeholders missing
 * from `gloss:stakeholders` (another tool's file) are planned as companies, the commonest kind.
 */
export const webAnnotationImport: ImportFormat = {
  id: 'w3c',
  description: 'W3C Web Annotation JSON-LD with the document texts (as Gloss exports it)',
  read(files) {
    const file = pickFile(files);
    if (typeof file !== 'string') return { ok: false, problems: [file] };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(files.get(file));
    } catch {
      return { ok: false, problems: [{ file, message: 'is not UTF-8 text' }] };
    }
    const parsed = parseJsonText(text, WebAnnotationFile);
    if (!parsed.ok) {
      const line = /^not valid JSON \(line (\d+)/.exec(parsed.problem)?.[1];
      return {
        ok: false,
        problems: [{ file, ...(line ? { line: Number(line) } : {}), message: parsed.problem }],
      };
    }
    return planOf(file, parsed.value);
  },
};

/** annotations.jsonld, or else the one .jsonld or .json file given. */
function pickFile(files: ImportFiles): string | ImportProblem {
  const candidates = [...files.keys()].filter((path) => /\.(jsonld|json)$/i.test(path));
  const named = candidates.find((path) => path.split('/').pop() === 'annotations.jsonld');
  if (named) return named;
  if (candidates.length === 1) return candidates[0]!;
  const message = candidates.length
    ? `several JSON files (${candidates.join(', ')}); name the annotations one annotations.jsonld`
    : 'no .jsonld or .json file to import';
  return { file: '', message };
}

function planOf(file: string, input: WebAnnotationFile) {
  const problems: ImportProblem[] = [];
  const documents = new Map<string, PlannedDocument>();
  const paths = new Set<string>();
  for (const embedded of input['gloss:documents']) {
    const path = documentPath(embedded.id);
    if (paths.has(path)) problems.push({ file, message: `two documents would both be saved as ${path}` });
    paths.add(path);
    documents.set(embedded.id, { path, text: embedded.value, annotations: [], relations: [] });
  }
  /** Which document each annotation, by its IRI, was planned into. */
  const homes = new Map<string, PlannedDocument>();
  const links: { item: WebAnnotation; name: string }[] = [];
  for (const [i, item] of input.items.entries()) {
    const name = item.id ?? `number ${i + 1}`;
    if (item.motivation.includes('linking')) {
      links.push({ item, name });
      continue;
    }
    const target = item.target.find((t) => t.source ?? t.id);
    const source = target?.source ?? target?.id;
    const document = source ? documents.get(source) : undefined;
    if (!target || !document) {
      const why = source ? `targets ${source}, which is not among gloss:documents` : 'has no target';
      problems.push({ file, message: `annotation ${name} ${why}` });
      continue;
    }
    const read = readTag(item, name, target, document.text);
    if (!read.ok) {
      problems.push({ file, message: read.message });
      continue;
    }
    document.annotations.push(read.annotation);
    homes.set(name, document);
  }
  const relationTypes = new Set<string>();
  for (const { item, name } of links) {
    const ends = item.target.map((t) => t.id ?? t.source ?? '');
    const type = item.body.find((b) => b.purpose === 'classifying')?.value ?? item.bodyValue;
    const home = homes.get(ends[0] ?? '');
    if (ends.length !== 2 || !home || homes.get(ends[1] ?? '') !== home || !type) {
      problems.push({
        file,
        message: `link ${name} needs a "classifying" body and two targets, annotations of one document`,
      });
      continue;
    }
    const note = item.body.find((b) => b.purpose === 'commenting')?.value;
    home.relations.push({ type, from: ends[0]!, to: ends[1]!, ...(note ? { note } : {}) });
    relationTypes.add(type);
  }
  if (problems.length) return { ok: false as const, problems };
  const planned = [...documents.values()];
  const used = planned.flatMap((d) => d.annotations);
  return {
    ok: true as const,
    plan: {
      documents: planned,
      codes: plannedCodes(
        input,
        used.map((a) => a.code),
      ),
      stakeholders: plannedStakeholders(
        input,
        used.flatMap((a) => (a.stakeholder ? [a.stakeholder] : [])),
      ),
      relationTypes: [...relationTypes],
    },
  };
}

/** The file's codebook, plus any code its tags name that the codebook lacks (matched by name, any case). */
function plannedCodes(input: WebAnnotationFile, used: string[]): PlannedCode[] {
  const codes: PlannedCode[] = input['gloss:codes'].map((entry) => ({ ...entry }));
  const known = new Set(codes.map((c) => c.name.toLowerCase()));
  for (const name of used) {
    if (!known.has(name.toLowerCase())) codes.push({ name });
    known.add(name.toLowerCase());
  }
  return codes;
}

function plannedStakeholders(input: WebAnnotationFile, used: string[]): PlannedStakeholder[] {
  const stakeholders: PlannedStakeholder[] = input['gloss:stakeholders'].map((entry) => ({ ...entry }));
  const known = new Set(stakeholders.map((s) => s.name.toLowerCase()));
  for (const name of used) {
    if (!known.has(name.toLowerCase())) stakeholders.push({ name, kind: 'company' });
    known.add(name.toLowerCase());
  }
  return stakeholders;
}
