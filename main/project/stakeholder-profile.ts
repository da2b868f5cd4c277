import { readFile } from 'node:fs/promises';
import type { MentionRef, StakeholderProfile } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Annotation } from '../../shared/model/annotation';
import { type CodeRole, roleOf } from '../../shared/model/codebook';
import { findAnnotationFiles } from './annotation-files';
import { forEachLimited } from './for-each-limited';
import type { Project } from './project';
import { compareKeys } from './scan-folder';
import { aroundMentions } from './stakeholder-surroundings';

type ProfileSource = Pick<Project, 'info' | 'layout' | 'openDocument' | 'stakeholderAfterMerges'>;

/** Documents read at once: enough to overlap reading with parsing, few enough to keep files open sparingly. */
const PARALLEL = 16;

/**
 * Everything the project says about one stakeholder, by every annotator: its mentions, the
 * concerns tagged around them and the figures linked to them. A merged stakeholder's id leads
 * to the one it was merged into. Annotation files are first searched as text for the ids, so
 * only documents that may mention the stakeholder are parsed, and only those that do have
 * their article read.
 */
export async function stakeholderProfile(project: ProfileSource, id: string): Promise<StakeholderProfile> {
  const info = project.info();
  const { id: targetId, ids } = project.stakeholderAfterMerges(id);
  const stakeholder = info.stakeholders.find((s) => s.id === targetId);
  if (!stakeholder) throw new ApiError('not-found', `There is no stakeholder "${id}" in the register`);

  const roles = new Map<string, CodeRole>(
    info.codebook.codes.map((code) => [code.id, roleOf(info.codebook, code.id)]),
  );
  const mentionIds = new Set(ids);
  const isMention = (a: Annotation) => a.stakeholderId !== undefined && mentionIds.has(a.stakeholderId);

  const keys = await keysThatMayMention(project, ids);
  const perDocument = new Array<DocumentFindings | undefined>(keys.length);
  await forEachLimited(keys, PARALLEL, async (key, index) => {
    perDocument[index] = await findingsIn(project, key, isMention, roles);
  });

  const mentions: MentionRef[] = [];
  const concerns = new Map<string, MentionRef[]>();
  const figures: StakeholderProfile['figures'] = [];
  for (const found of perDocument) {
    if (!found) continue;
    mentions.push(...found.mentions);
    for (const passage of found.concerns) {
      const list = concerns.get(passage.code) ?? [];
      list.push(passage.ref);
      concerns.set(passage.code, list);
    }
    figures.push(...found.figures);
  }
  return {
    stakeholder,
    mentions,
    concerns: [...concerns]
      .map(([code, passages]) => ({ code, count: passages.length, passages }))
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    figures,
  };
}

/**
 * The documents, in listing order, with an annotation file that names one of `ids` (ids are
 * letters, digits, "-" and "_", written in JSON as they are). Parsing and validating every file
 * of a large project costs seconds; a text search of it, a fraction of that. A file that names
 * the id elsewhere (a note) is only parsed for nothing.
 */
async function keysThatMayMention(project: ProfileSource, ids: readonly string[]): Promise<string[]> {
  const quoted = ids.map((id) => `"${id}"`);
  const files = await findAnnotationFiles(project.layout.annotationsDir);
  const keys = new Set<string>();
  await forEachLimited(files, PARALLEL, async ({ key, path }) => {
    if (keys.has(key)) return;
    const text = await readFile(path, 'utf8').catch(() => '');
    if (quoted.some((id) => text.includes(id))) keys.add(key);
  });
  return [...keys].sort(compareKeys);
}

interface DocumentFindings {
  mentions: MentionRef[];
  concerns: { code: string; ref: MentionRef }[];
  figures: StakeholderProfile['figures'];
}

async function findingsIn(
  project: ProfileSource,
  key: string,
  isMention: (a: Annotation) => boolean,
  roles: ReadonlyMap<string, CodeRole>,
): Promise<DocumentFindings | undefined> {
  // Annotation files can outlive their article (deleted or moved); those mentions have nothing to open.
  const opened = await project.openDocument(key).catch(() => undefined);
  if (!opened) return undefined;
  const { document, annotations, relations } = opened;
  const mentioned = annotations.filter(isMention);
  if (mentioned.length === 0) return undefined;
  const title = document.title || key;
  const ref = (a: Annotation) => mentionRef(key, title, document.text, a);
  const around = aroundMentions(document.text, annotations, mentioned, relations, roles);
  return {
    mentions: mentioned.map(ref),
    concerns: around.concerns.map((a) => ({ code: a.code, ref: ref(a) })),
    figures: around.figures.map(({ annotation: a, via }) => ({
      ...ref(a),
      code: a.code,
      ...(a.value ? { value: a.value } : {}),
      via,
    })),
  };
}

/** Characters of context shown either side of a quote, cut back to a whole word and to the paragraph. */
const CONTEXT = 48;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n/g;

function mentionRef(key: string, title: string, text: string, a: Annotation): MentionRef {
  const { start, end } = a.target;
  // The quote as the text now reads, where the annotation still fits it.
  const fits = end <= text.length;
  return {
    key,
    title,
    annotationId: a.id,
    author: a.author,
    start,
    end,
    quote: fits ? text.slice(start, end) : a.target.quote,
    prefix: fits ? contextBefore(text, start) : a.target.prefix,
    suffix: fits ? contextAfter(text, end) : a.target.suffix,
  };
}

/** Up to CONTEXT characters before `start` in its paragraph, starting with "…" where a sentence is cut. */
function contextBefore(text: string, start: number): string {
  const near = text.slice(Math.max(0, start - CONTEXT), start);
  const last = [...near.matchAll(PARAGRAPH_BREAK)].at(-1);
  if (last) return oneLine(near.slice(last.index + last[0].length)).trimStart();
  if (start <= CONTEXT) return oneLine(near).trimStart();
  const words = oneLine(near.replace(/^\S*\s?/, '')).trimStart();
  return words ? `…${words}` : '';
}

/** Up to CONTEXT characters after `end` in its paragraph, ending with "…" where it is cut. */
function contextAfter(text: string, end: number): string {
  const near = text.slice(end, end + CONTEXT);
  const next = near.search(PARAGRAPH_BREAK);
  if (next >= 0) return oneLine(near.slice(0, next)).trimEnd();
  if (end + CONTEXT >= text.length) return oneLine(near).trimEnd();
  const words = oneLine(near.replace(/\s?\S*$/, '')).trimEnd();
  return words ? `${words}…` : '';
}

/** Line breaks inside a paragraph read as spaces in a one-line list. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
