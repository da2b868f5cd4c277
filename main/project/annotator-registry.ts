import { hostname } from 'node:os';
import { basename } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api-error';
import { isReservedAnnotatorName, RESERVED_NAME_MESSAGE } from '../../shared/model/curation';
import { writeFileAtomic } from '../storage/atomic-write';
import { readFolder } from '../storage/read-folder';
import { readJsonFile } from '../storage/read-json-file';
import { type Clock, systemClock } from './clock';
import type { ProjectLayout } from './layout';

/** A name an install annotates under in this project, now or before. */
const HeldName = z.object({
  name: z.string().min(1).max(64),
  /** When the install took it (ISO 8601, UTC): of two that took it unaware of each other, the first keeps it. */
  since: z.string().max(40),
  /** The researcher said the name's first user is themselves on another computer: they share it. */
  sameAnnotator: z.boolean().optional(),
});

/**
 * One install's file under .gloss/annotators/: the names that install of Gloss (one user on one
 * computer, by the random id in their settings) annotates under in this project. Only that install
 * writes it, so two people syncing the folder never write the same file. A name it used before
 * stays in `names`: the work saved under it is that person's, so nobody else may take it.
 */
const ClaimSchema = z.object({
  schemaVersion: z.literal(1),
  install: z.string().regex(/^[0-9a-f]{16,64}$/),
  /** The name it annotates under now; one of `names`. */
  name: z.string().min(1).max(64),
  /** The computer's host name, only to tell the researcher whose a name is. */
  computer: z.string().max(255),
  names: z.array(HeldName).min(1).max(1000),
});
export type AnnotatorClaim = z.infer<typeof ClaimSchema>;

/** One name as one install holds it. */
export interface Holding {
  install: string;
  computer: string;
  name: string;
  since: string;
  sameAnnotator?: boolean;
}

export type NameStanding =
  /** Nobody in this project uses the name. */
  | { kind: 'free' }
  /** This install holds it (first, or as the same annotator as its first user). */
  | { kind: 'mine'; holding: Holding }
  /** Another install holds it; `by` says which, and since when. */
  | { kind: 'taken'; by: Holding };

/**
 * Whether `install` may annotate as `name` in a project with these claims. Names are compared
 * without case, since `Alice.json` and `alice.json` are one file on Windows and macOS disks.
 * The first install to take a name keeps it; another shares it only by saying it is the same
 * person (`sameAnnotator`). Two installs that took one name before either saw the other's file
 * (a sync still on its way) are settled the same way once the files meet: the earlier keeps it.
 */
export function nameStanding(claims: readonly AnnotatorClaim[], install: string, name: string): NameStanding {
  const folded = name.toLowerCase();
  const holders = claims.flatMap((claim) =>
    claim.names
      .filter((held) => held.name.toLowerCase() === folded)
      .map((held) => ({ install: claim.install, computer: claim.computer, ...held })),
  );
  const mine = holders.find((holding) => holding.install === install);
  const others = holders.filter((holding) => holding.install !== install);
  if (others.length === 0) return mine ? { kind: 'mine', holding: mine } : { kind: 'free' };
  if (mine?.sameAnnotator) return { kind: 'mine', holding: mine };
  const first = [...holders].sort(holdingOrder)[0]!;
  return first === mine ? { kind: 'mine', holding: mine } : { kind: 'taken', by: first };
}

/** Who took a name first; the install id breaks a tie, so every computer settles it the same way. */
function holdingOrder(a: Holding, b: Holding): number {
  if (Boolean(a.sameAnnotator) !== Boolean(b.sameAnnotator)) return a.sameAnnotator ? 1 : -1;
  if (a.since !== b.since) return a.since < b.since ? -1 : 1;
  return a.install < b.install ? -1 : 1;
}

/** The refusal of a name another install holds, with what the researcher can do about it. */
export function nameTakenError(name: string, by: Holding): ApiError {
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
   * Records that this install annotates as `name` here (keeping the names it used before).
   * Refused when another install holds the name, unless `sameAnnotator`: the researcher says that
   * install is themselves elsewhere.
   */
  async claim(name: string, { sameAnnotator = false } = {}): Promise<NameStanding> {
    // The curated layer's files are written by every curator; no install may hold its name.
    if (isReservedAnnotatorName(name)) throw new ApiError('bad-request', RESERVED_NAME_MESSAGE);
    const claims = await this.claims();
    const standing = nameStanding(claims, this.install, name);
    const own = claims.find((claim) => claim.install === this.install);
    if (standing.kind === 'mine' && own?.name === name) return standing;
    if (standing.kind === 'taken' && !sameAnnotator) throw nameTakenError(name, standing.by);
    const folded = name.toLowerCase();
    const kept = (own?.names ?? []).filter((held) => held.name.toLowerCase() !== folded);
    const held =
      standing.kind === 'mine'
        ? // Taken again, perhaps in other letter case: the files it names are other files on Linux.
          { ...own!.names.find((h) => h.name.toLowerCase() === folded)!, name }
        : {
            name,
            since: this.clock.now(),
            ...(standing.kind === 'taken' ? { sameAnnotator: true } : {}),
          };
    const claim: AnnotatorClaim = {
      schemaVersion: 1,
      install: this.install,
      name,
      computer: this.computer,
      names: [...kept, held],
    };
    await writeFileAtomic(
      this.layout.annotatorClaimFile(this.install),
      `${JSON.stringify(claim, null, 2)}\n`,
    );
    return { kind: 'mine', holding: { install: this.install, computer: this.computer, ...held } };
  }
}
