import { CODE_ROLES, type CodeRole } from '../../../../shared/model/vocabulary';
import { CODE_COMMENT, RELATION_COMMENT } from './write-conf';

export interface ConfEntity {
  type: string;
  /** The type it is nested under, if any. */
  parent?: string;
  /** Marked `!` in brat: a grouping type that is not applied itself. */
  abstract: boolean;
}

export interface GlossTypeInfo {
  name: string;
  role?: CodeRole;
  description?: string;
}

export interface AnnotationConf {
  entities: ConfEntity[];
  /** From the `# gloss-code` and `# gloss-relation` comments Gloss writes, by brat type. */
  glossNames: Map<string, GlossTypeInfo>;
}

/**
 * Reads the parts of annotation.conf an import needs: the entity and event type hierarchies
 * (nesting by leading tabs, `!` for abstract types, an event's argument list after its type
 * passed over; macros in `<…>` skipped) and Gloss's own comments. Event types are codes like
 * entity types: their triggers are annotations.
 */
export function readAnnotationConf(content: string): AnnotationConf {
  const conf: AnnotationConf = { entities: [], glossNames: new Map() };
  let section = '';
  const path: string[] = [];
  for (const raw of content.split(/\r?\n/)) {
    const gloss = readGlossComment(raw);
    if (gloss) conf.glossNames.set(gloss.type, gloss.info);
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const header = /^\s*\[(\w+)\]\s*$/.exec(raw);
    if (header) {
      section = header[1]!;
      path.length = 0;
      continue;
    }
    if (section !== 'entities' && section !== 'events') continue;
    const depth = /^\t*/.exec(raw)![0].length;
    // An event type is followed by its arguments (`Merge-org  Org-Arg+:Organization`).
    const entry = raw.trim().split(/\s/)[0]!;
    if (entry.startsWith('<')) continue;
    const abstract = entry.startsWith('!');
    const type = abstract ? entry.slice(1) : entry;
    path.length = Math.min(depth, path.length);
    const parent = path[path.length - 1];
    conf.entities.push({ type, abstract, ...(parent ? { parent } : {}) });
    path.push(type);
  }
  return conf;
}

function readGlossComment(raw: string): { type: string; info: GlossTypeInfo } | undefined {
  const [marker, type, json] = raw.split('\t');
  if ((marker !== CODE_COMMENT && marker !== RELATION_COMMENT) || !type || !json) return undefined;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    if (typeof value.name !== 'string' || value.name.trim() === '') return undefined;
    const role = CODE_ROLES.find((r) => r === value.role);
    return {
      type,
      info: {
        name: value.name,
        ...(role ? { role } : {}),
        ...(typeof value.description === 'string' ? { description: value.description } : {}),
      },
    };
  } catch {
    return undefined; // A comment brat would skip; Gloss then falls back to the labels.
  }
}

export interface VisualConf {
  labels: Map<string, string>;
  colors: Map<string, string>;
}

/** visual.conf: `Type | Full label | short…` labels and `Type<tab>bgColor:#rrggbb, …` drawing. */
export function readVisualConf(content: string): VisualConf {
  const conf: VisualConf = { labels: new Map(), colors: new Map() };
  let section = '';
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1]!;
    } else if (section === 'labels') {
      const [type, label] = line.split('|').map((part) => part.trim());
      if (type && label) conf.labels.set(type, label);
    } else if (section === 'drawing') {
      const [type, settings] = line.split(/\t+/);
      const color = /(?:^|,)\s*bgColor:\s*(#[0-9a-fA-F]{6})\b/.exec(settings ?? '');
      if (type && color) conf.colors.set(type, color[1]!);
    }
  }
  return conf;
}
