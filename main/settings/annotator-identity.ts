import { userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { AnnotatorInfo } from '../../shared/api-annotator';
import { ApiError } from '../../shared/api-error';
import { isReservedAnnotatorName, RESERVED_NAME_MESSAGE } from '../../shared/model/curation';
import { annotatorName } from '../project/annotator';
import { AnnotatorRegistry, nameStanding } from '../project/annotator-registry';
import type { Clock } from '../project/clock';
import { ProjectLayout } from '../project/layout';
import { UserSettings } from './user-settings';

export interface AnnotatorIdentityOptions {
  /** The user's settings file (settings-folder.ts): Electron's userData, or the browser host's folder. */
  settingsFile: string;
  /** `--annotator NAME`: wins over everything, and the screens do not ask. */
  commandLine?: string;
  /** Where GLOSS_ANNOTATOR is read (process.env unless given); it wins over the settings too. */
  env?: NodeJS.ProcessEnv;
  /** This computer's name as other installs' messages give it; the host name unless given. */
  computer?: string;
  clock?: Clock;
}

/** How to open a project: as whom, and whether only to read it. */
export interface OpenAs {
  annotator: string;
  readOnly: boolean;
}

/**
 * The annotator's name, from where it comes: `--annotator`, else GLOSS_ANNOTATOR, else the name
 * the researcher chose and Gloss keeps in their settings, else (until they answer the first-start
 * question) the system user's. A chosen name is recorded in each project it works on
 * (annotator-registry.ts), so that two people never write under one name; a project whose
 * registry gives the name to another computer is opened only to read until that is settled.
 */
export class AnnotatorIdentity {
  readonly fixed: { name: string; by: 'GLOSS_ANNOTATOR' | '--annotator' } | undefined;
  /** The system user's name, what the first-start question offers. */
  readonly suggested: string;
  #settings: Promise<UserSettings> | undefined;

  constructor(private readonly options: AnnotatorIdentityOptions) {
    const env = options.env ?? process.env;
    if (options.commandLine) this.fixed = { name: annotatorName(options.commandLine), by: '--annotator' };
    else if (env.GLOSS_ANNOTATOR)
      this.fixed = { name: annotatorName(env.GLOSS_ANNOTATOR), by: 'GLOSS_ANNOTATOR' };
    this.suggested = systemUserName();
  }

  /** Read once, when first needed: the desktop app makes this before it is ready. */
  settings(): Promise<UserSettings> {
    this.#settings ??= UserSettings.open(this.options.settingsFile).then((settings) => {
      if (settings.problem) console.warn(`Gloss starts from no settings: ${settings.problem}`);
      return settings;
    });
    return this.#settings;
  }

  /**
   * Opening the project at `root`. A chosen name is recorded in it first; before the question is
   * answered Gloss works as the suggested name, as it always did, and records nothing. A name
   * another computer holds there opens the project only to read.
   */
  async openAs(root: string, readOnly: boolean): Promise<OpenAs> {
    if (this.fixed) return { annotator: this.fixed.name, readOnly };
    const settings = await this.settings();
    const name = chosenName(settings) ?? this.suggested;
    const registry = await this.#registry(root);
    const standing = await registry.standing(name);
    if (standing.kind === 'taken') return { annotator: name, readOnly: true };
    if (!readOnly && settings.annotator !== undefined) await registry.claim(name);
    return { annotator: name, readOnly };
  }

  /** Who the screens are annotating as, in the project open (if any) as `project.annotator`. */
  async describe(project: { root: string; annotator: string } | undefined): Promise<AnnotatorInfo> {
    const name =
      project?.annotator ?? this.fixed?.name ?? chosenName(await this.settings()) ?? this.suggested;
    if (this.fixed)
      return {
        name,
        suggested: this.suggested,
        chosen: true,
        fixedBy: this.fixed.by,
        taken: null,
        settingsFolder: dirname(this.options.settingsFile),
      };
    const settings = await this.settings();
    let taken: AnnotatorInfo['taken'] = null;
    if (project) {
      const registry = await this.#registry(project.root);
      const standing = nameStanding(await registry.claims(), registry.install, name);
      if (standing.kind === 'taken') taken = { computer: standing.by.computer, since: standing.by.since };
    }
    return {
      name,
      suggested: this.suggested,
      chosen: settings.annotator !== undefined,
      fixedBy: null,
      taken,
      settingsFolder: dirname(this.options.settingsFile),
    };
  }

  /**
   * Chooses the name this Gloss annotates as, in the project at `root` (if one is open) and from
   * now on: refused when another computer holds it there, unless `sameAnnotator`. Returns the name
   * as kept: file-name safe (annotator.ts), so "Ana Maria" is kept as "Ana-Maria".
   */
  async choose(root: string | undefined, requested: string, sameAnnotator: boolean): Promise<string> {
    if (this.fixed) {
      throw new ApiError(
        'forbidden',
        `Gloss was started with ${this.fixed.by} ${this.fixed.name}, which decides the name: start it without it to choose one here.`,
      );
    }
    const name = annotatorName(requested);
    if (name === 'annotator' && requested.trim().toLowerCase() !== 'annotator') {
      throw new ApiError(
        'bad-request',
        `"${requested}" has no letters A–Z or digits, which a name needs since it names your files.`,
      );
    }
    if (isReservedAnnotatorName(name)) throw new ApiError('bad-request', RESERVED_NAME_MESSAGE);
    if (root !== undefined)
      await (await this.#registry(root, { claiming: true })).claim(name, { sameAnnotator });
    await (await this.settings()).setAnnotator(name);
    return name;
  }

  /** The project's registry as this install sees it; only a claim gives an install without settings its id. */
  async #registry(root: string, { claiming = false } = {}): Promise<AnnotatorRegistry> {
    const settings = await this.settings();
    // '' is no install's id (ids are hex): an install that never chose holds no name anywhere.
    const install = claiming || settings.hasInstallId ? await settings.installId() : '';
    return new AnnotatorRegistry(new ProjectLayout(root), install, this.options.computer, this.options.clock);
  }
}

/** The name kept in the settings, file-name safe even when the file was edited by hand. */
function chosenName(settings: UserSettings): string | undefined {
  return settings.annotator === undefined ? undefined : annotatorName(settings.annotator);
}

/** The system user's name, file-name safe: what the first-start question offers. */
function systemUserName(): string {
  try {
    return annotatorName(userInfo().username);
  } catch {
    return annotatorName('annotator');
  }
}
