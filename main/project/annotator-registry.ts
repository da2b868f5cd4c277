import { hostname } from 'node:os';
import { basename } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api-error';
import { writeFileAtomic } from '../storage/atomic-write';
import { readFolder } from '../storage/read-folder';
import { readJsonFile } from '../storage/read-json-file';
import { type Clock, systemClock } from './clock';
import type { ProjectLayout } from './layout';

/**
 * One install's file under .gloss/annotators/: the name that install of Gloss (one user on one
 * computer, by the random id in their settings) annotates under in this project. Only that install
 * writes it, so two people syncing the folder never write the same file, and choosing another
 * name rewrites it, which frees the old one.
 */
const ClaimSchema = z.object({
  schemaVersion: z.literal(1),
  install: z.string().regex(/^[0-9a-f]{16,64}$/),
  name: z.string().min(1).max(64),
  /** The computer's host name, only to tell the researcher whose the name is. */
  computer: z.string().max(255),
  /** When this install took the name (ISO 8601, UTC): of two that took it unaware, the first keeps it. */
  since: z.string().max(40),
  /** The researcher said the name's first user is themselves on another computer: they share it. */
  sameAnnotator: z.boolean().optional(),
});
export type AnnotatorClaim = z.infer<typeof ClaimSchema>;

export type NameStanding =
  /** Nobody in this project uses the name. */
  | { kind: 'free' }
  /** This install uses it (first, or as the same annotator as its first user). */
  | { kind: 'mine'; claim: AnnotatorClaim }
  /** Another install uses it; `by` is the claim that holds it. */
  | { kind: 'taken'; by: AnnotatorClaim };

/**
 * Whether `install` may annotate as `name` in a project with these claims. Names are compared
 * without case, since `Alice.json` and `alice.json` are one file on Windows and macOS disks.
 * The first install to take a name keeps it; another shares it only by saying it is the same
 * person (`sameAnnotator`). Two installs that took one name before either saw the other's file
 * (a sync still on its way) are settled the same way once the files meet: the earlier keeps it.
 */
export function nameStanding(claims: readonly AnnotatorClaim[], install: string, name: string): NameStanding {
  const folded = name.toLowerCase();
  const users = claims.filter((claim) => claim.name.toLowerCase() === folded);
  const mine = users.find((claim) => claim.install === install);
  const others = users.filter((claim) => claim.install !== install);
  if (others.length === 0) return mine ? { kind: 'mine', claim: mine } : { kind: 'free' };
  if (mine?.sameAnnotator) return { kind: 'mine', claim: mine };
  const holder = [...users].sort(claimOrder)[0]!;
  return mine && holder === mine ? { kind: 'mine', claim: mine } : { kind: 'taken', by: holder };
}

/** Earlier claims first; the install id breaks a tie, so every computer settles it the same way. */
function claimOrder(a: AnnotatorClaim, b: AnnotatorClaim): number {
  if (a.sameAnnotator !== b.sameAnnotator) return a.sameAnnotator ? 1 : -1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  return a.install < b.install ? -1 : 1;
}

/** The refusal of a name another install holds, with what the researcher can do about it. */
export function nameTakenError(name: string, by: AnnotatorClaim): ApiError {
  return new ApiError(
    'conflict',
    `"${name}" is already an annotator of this project, on another computer (${by.computer || 'unnamed'}, since ${by.since.slice(0, 10)}). Choose another name, or, if that is you on another computer, say so.`,
  );
}

/** Which install annotates under which name in one project (.gloss/annotators/, see layout.ts). */
export class AnnotatorRegistry {
  constructor(
    readonly layout: ProjectLayout,
    readonly install: string,
    private readonly computer: string = hostname(),
    private readonly clock: Clock = systemClock,
  ) {}

  /**
   * Every install's claim. A file that cannot be read, or whose name is not its install's, is
   * passed over: it names nobody (the project still opens, and no name is refused for it).
   */
  async claims(): Promise<AnnotatorClaim[]> {
    let entries: Awaited<ReturnType<typeof readFolder>>;
    try {
      entries = await readFolder(this.layout.annotatorsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const claims: AnnotatorClaim[] = [];
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
      const path = this.layout.annotatorClaimFile(basename(entry.name, '.json'));
      const read = await readJsonFile(path, { schema: ClaimSchema, displayName: this.layout.display(path) });
      if (read.status === 'valid' && `${read.value.install}.json` === entry.name) claims.push(read.value);
    }
    return claims;
  }

  async standing(name: string): Promise<NameStanding> {
    return nameStanding(await this.claims(), this.install, name);
  }

  /**
   * Records that this install annotates as `name` here. Refused when another install holds the
   * name, unless `sameAnnotator`: the researcher says that install is themselves elsewhere.
   */
  async claim(name: string, { sameAnnotator = false } = {}): Promise<NameStanding> {
    const claims = await this.claims();
    const standing = nameStanding(claims, this.install, name);
    if (standing.kind === 'mine' && standing.claim.name === name) return standing;
    if (standing.kind === 'taken' && !sameAnnotator) throw nameTakenError(name, standing.by);
    const claim: AnnotatorClaim =
      standing.kind === 'mine'
        ? // The same name in other letter case: the files it names are other files on Linux.
          { ...standing.claim, name, computer: this.computer }
        : {
            schemaVersion: 1,
            install: this.install,
            name,
            computer: this.computer,
            since: this.clock.now(),
            ...(standing.kind === 'taken' ? { sameAnnotator: true } : {}),
          };
    await writeFileAtomic(
      this.layout.annotatorClaimFile(this.install),
      `${JSON.stringify(claim, null, 2)}\n`,
    );
    return { kind: 'mine', claim };
  }
}
