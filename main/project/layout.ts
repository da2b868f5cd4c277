import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../../shared/api-error';

/**
 * Where Gloss keeps its files inside a project folder. Nothing else in Gloss builds paths
 * under `.gloss/`, so the layout can change in one place.
 *
 *   .gloss/project.json                          codebook, register, settings (schema-versioned)
 *   .gloss/annotations/<document key>/<annotator>.json   one file per document per annotator
 *   .gloss/suggestions/<document key>/<annotator>.json   the suggestions that annotator rejected,
 *                                                        and the search hits they proposed to tag
 *   .gloss/review/<annotator>/queue.json         that annotator's review queue: the last run's
 *                                                suggestions grouped (review-queue-files.ts)
 *   .gloss/review/<annotator>/decisions.json     what they decided through it
 *   .gloss/annotators/<install id>.json          the names one install of Gloss annotates under here
 *                                                (annotator-registry.ts): one file per install, so
 *                                                two computers syncing never write the same file
 *   .gloss/exports/<time>-<format>/             exports made from the screens
 *   .gloss/cache/                                derived data; safe to delete
 *   .gloss/cache/search-index.bin                which documents hold which words (corpus search)
 *   .gloss/cache/text-units.bin                  the articles' sentences and paragraphs (analyses)
 */
export const GLOSS_DIR = '.gloss';

export class ProjectLayout {
  readonly glossDir: string;
  readonly projectFile: string;
  readonly annotationsDir: string;
  readonly cacheDir: string;
  readonly searchIndexFile: string;
  readonly textUnitsFile: string;
  readonly annotationDigestsFile: string;
  readonly suggestionsDir: string;
  readonly exportsDir: string;
  readonly annotatorsDir: string;
  readonly reviewDir: string;

  constructor(readonly root: string) {
    this.glossDir = join(root, GLOSS_DIR);
    this.projectFile = join(this.glossDir, 'project.json');
    this.annotationsDir = join(this.glossDir, 'annotations');
    this.cacheDir = join(this.glossDir, 'cache');
    this.searchIndexFile = join(this.cacheDir, 'search-index.bin');
    this.textUnitsFile = join(this.cacheDir, 'text-units.bin');
    this.annotationDigestsFile = join(this.cacheDir, 'annotation-digests.bin');
    this.suggestionsDir = join(this.glossDir, 'suggestions');
    this.exportsDir = join(this.glossDir, 'exports');
    this.annotatorsDir = join(this.glossDir, 'annotators');
    this.reviewDir = join(this.glossDir, 'review');
  }

  /** The absolute path of a document, refusing any key that would leave the project. */
  documentPath(key: string): string {
    return this.inside(key);
  }

  annotationFile(key: string, annotator: string): string {
    return join(this.annotationsDir, ...key.split('/'), `${annotator}.json`);
  }

  suggestionsFile(key: string, annotator: string): string {
    return join(this.suggestionsDir, ...key.split('/'), `${annotator}.json`);
  }

  reviewQueueFile(annotator: string): string {
    return join(this.reviewDir, annotator, 'queue.json');
  }

  reviewDecisionsFile(annotator: string): string {
    return join(this.reviewDir, annotator, 'decisions.json');
  }

  /**
   * The document key of a file found under .gloss/suggestions/ (its path relative to that
   * folder, any separators), if it is `annotator`'s; undefined for anything else there.
   */
  suggestionsKeyOf(relativePath: string, annotator: string): string | undefined {
    const parts = relativePath.split(/[\\/]/);
    if (parts.length < 2 || parts.at(-1) !== `${annotator}.json`) return undefined;
    return parts.slice(0, -1).join('/');
  }

  /** Which name the install `installId` (hex, from the user's settings) annotates under in this project. */
  annotatorClaimFile(installId: string): string {
    return join(this.annotatorsDir, `${installId}.json`);
  }

  annotationDir(key: string): string {
    return join(this.annotationsDir, ...key.split('/'));
  }

  /** Project-relative name with "/" separators, for messages and file problems. */
  display(absolutePath: string): string {
    return relative(this.root, absolutePath).split(sep).join('/');
  }

  /** Resolves a project-relative path, refusing anything outside the project or inside `.gloss/`. */
  inside(relativePath: string): string {
    const absolute = resolve(this.root, ...relativePath.split('/'));
    const rel = relative(this.root, absolute);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
      throw new ApiError('forbidden', `"${relativePath}" is outside the project folder`);
    }
    if (rel.split(sep)[0] === GLOSS_DIR) {
      throw new ApiError('forbidden', `"${relativePath}" is inside Gloss's own folder, not an article`);
    }
    return absolute;
  }
}
