import type {
  ImportFiles,
  ImportFormat,
  ImportProblem,
  ImportResult,
  PlannedCode,
  PlannedDocument,
  PlannedStakeholder,
} from '../../import-plan';
import { STAKEHOLDER_DB } from './brat-types';
import { addTally, emptyTally, mappingOf } from './import-tally';
import { parseAnn } from './parse-ann';
import { type AnnotationConf, readAnnotationConf, readVisualConf, type VisualConf } from './read-conf';
import { readDocument } from './read-document';
import { SourceText } from './source-text';
import { type RegisterEntry, readStakeholderRegister, STAKEHOLDER_FILE } from './stakeholder-register';

// ignoreBOM keeps a byte-order mark as a character: brat counts it in its offsets.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

import { foldName as folded } from '../../../../shared/text/fold-name';

/** brat has no stakeholder kinds; a mention from another tool's normalisation gets this one. */
const DEFAULT_KIND = 'company';

/**
 * brat standoff folder → import plan. Every .ann needs its .txt; a .txt without a .ann is a
 * document with no annotations, as brat shows it. Types are named by Gloss's `# gloss-code`
 * comments, else visual.conf labels, else the type with `_` as spaces; groups come from the
 * annotation.conf nesting. Each document uses the .conf files nearest above it, as brat does.
 * Events, equivalences and discontinuous spans come in as brat-shapes.ts describes, and the plan
 * says how many lines of each kind became what (its `mapping`).
 */
export const bratImport: ImportFormat = {
  id: 'brat',
  description:
    'brat standoff annotation: .txt and .ann per document, annotation.conf (offsets in code points)',
  read(files: ImportFiles): ImportResult {
    const problems: ImportProblem[] = [];
    const texts = new Map<string, string>();
    for (const [path, bytes] of files) {
      if (path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')) continue;
      if (!/\.(ann|txt|conf)$/.test(path) && !path.endsWith(STAKEHOLDER_FILE)) continue;
      try {
        texts.set(path, utf8.decode(bytes));
      } catch {
        problems.push({ file: path, message: 'is not UTF-8 text; brat reads its files as UTF-8' });
      }
    }
    const confs = readConfs(texts);
    const register = new Map<string, RegisterEntry>();
    for (const [path, text] of texts)
      if (basename(path) === STAKEHOLDER_FILE)
        for (const [id, e] of readStakeholderRegister(text)) register.set(id, e);

    const codes = new Map<string, PlannedCode>();
    for (const conf of confs.values())
      for (const code of confCodes(conf))
        if (!codes.has(folded(code.name))) codes.set(folded(code.name), code);
    const stakeholders = new Map<string, PlannedStakeholder>();
    const relationTypes = new Map<string, string>();
    /** A relation type by name, the first spelling of a name kept. */
    const relationType = (relation: string) => {
      if (!relationTypes.has(folded(relation))) relationTypes.set(folded(relation), relation);
      return relationTypes.get(folded(relation))!;
    };
    const documents: PlannedDocument[] = [];
    const tally = emptyTally();

    const paths = [...texts.keys()].sort();
    for (const path of paths.filter((p) => p.endsWith('.txt'))) {
      const annPath = `${path.slice(0, -'.txt'.length)}.ann`;
      const source = new SourceText(texts.get(path)!);
      const conf = nearest(confs, path);
      const name = (type: string) =>
        conf?.annotation.glossNames.get(type)?.name ??
        conf?.visual.labels.get(type) ??
        type.replace(/_/g, ' ');
      const read = readDocument(
        annPath,
        path,
        source,
        parseAnn((texts.get(annPath) ?? '').replace(/^\ufeff/, '')),
        {
          code(type) {
            const code = name(type);
            if (!codes.has(folded(code))) codes.set(folded(code), { name: code, codable: true });
            return codes.get(folded(code))!.name;
          },
          relation: (type) => relationType(name(type)),
          shapedRelation: relationType,
          stakeholder(n) {
            const entry = n.db === STAKEHOLDER_DB ? register.get(n.dbId) : undefined;
            return addStakeholder(stakeholders, n.text.trim() || entry?.name || `${n.db}:${n.dbId}`, entry);
          },
        },
      );
      problems.push(...read.problems);
      documents.push(read.document);
      addTally(tally, read.tally);
    }
    for (const path of paths.filter((p) => p.endsWith('.ann'))) {
      if (!texts.has(`${path.slice(0, -'.ann'.length)}.txt`))
        problems.push({
          file: path,
          message: `has no ${basename(path).slice(0, -4)}.txt beside it; brat pairs each .ann with its .txt`,
        });
    }
    // The register's entries no mention links to still belong to it.
    for (const entry of register.values()) if (entry.name) addStakeholder(stakeholders, entry.name, entry);

    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      plan: {
        documents,
        codes: [...codes.values()],
        stakeholders: [...stakeholders.values()],
        relationTypes: [...relationTypes.values()],
        mapping: mappingOf(tally),
      },
    };
  },
};

function addStakeholder(
  into: Map<string, PlannedStakeholder>,
  name: string,
  entry: RegisterEntry | undefined,
): string {
  const found = into.get(folded(name));
  if (found) return found.name;
  const aliases = (entry?.aliases ?? []).filter((alias) => alias !== name);
  into.set(folded(name), {
    name,
    kind: entry?.kind ?? DEFAULT_KIND,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...(entry?.country ? { country: entry.country } : {}),
  });
  return name;
}

interface Confs {
  annotation: AnnotationConf;
  visual: VisualConf;
}

/** annotation.conf and visual.conf by folder ("" for the top); visual.conf is looked up on its own. */
function readConfs(texts: ReadonlyMap<string, string>): Map<string, Confs> {
  const visuals = new Map<string, VisualConf>();
  for (const [path, text] of texts)
    if (basename(path) === 'visual.conf') visuals.set(dirname(path), readVisualConf(text));
  const confs = new Map<string, Confs>();
  for (const [path, text] of texts) {
    if (basename(path) !== 'annotation.conf') continue;
    const dir = dirname(path);
    confs.set(dir, {
      annotation: readAnnotationConf(text),
      visual: nearest(visuals, `${dir}/x`) ?? { labels: new Map(), colors: new Map() },
    });
  }
  return confs;
}

function confCodes({ annotation, visual }: Confs): PlannedCode[] {
  const name = (type: string) =>
    annotation.glossNames.get(type)?.name ?? visual.labels.get(type) ?? type.replace(/_/g, ' ');
  return annotation.entities.map((e) => {
    const gloss = annotation.glossNames.get(e.type);
    const color = visual.colors.get(e.type);
    return {
      name: name(e.type),
      ...(e.parent ? { group: name(e.parent) } : {}),
      ...(color ? { color } : {}),
      ...(gloss?.description ? { description: gloss.description } : {}),
      ...(gloss?.role ? { role: gloss.role } : {}),
      codable: !e.abstract,
    };
  });
}

/** The value kept for the folder nearest above `path` (brat's rule for .conf files). */
function nearest<T>(byDir: ReadonlyMap<string, T>, path: string): T | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const found = byDir.get(dir);
    if (found || dir === '') return found;
  }
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
