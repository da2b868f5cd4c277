import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic-write';
import { readJsonFile } from '../storage/read-json-file';

/** An install's id: random, so two computers never pick the same one; hex, so it is a safe file name. */
export const InstallId = z.string().regex(/^[0-9a-f]{16,64}$/, 'an install id is 16 to 64 hex digits');

const SettingsFileSchema = z.object({
  schemaVersion: z.literal(1),
  /** Made once per install (per user per computer); names this install's file in each project. */
  installId: InstallId,
  /** The name the researcher chose (file-name safe); absent until they answer the first-start question. */
  annotator: z.string().min(1).max(64).optional(),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

/**
 * The user's own Gloss settings (one JSON file outside every project; settings-folder.ts says
 * where). Nothing is written until there is something to keep: a Gloss that never asked a name
 * leaves no file behind. A file that cannot be read is copied aside (`settings.json.invalid-<hash>`)
 * and Gloss starts again from no settings, with `problem` saying why.
 */
export class UserSettings {
  #data: SettingsFile | undefined;

  private constructor(
    readonly file: string,
    data: SettingsFile | undefined,
    /** Why the file on disk was not used, when it could not be. */
    readonly problem: string | undefined,
  ) {
    this.#data = data;
  }

  static async open(file: string): Promise<UserSettings> {
    const read = await readJsonFile(file, {
      schema: SettingsFileSchema,
      displayName: file,
      copyInvalid: true,
    });
    if (read.status === 'valid') return new UserSettings(file, read.value, undefined);
    return new UserSettings(file, undefined, read.status === 'invalid' ? read.problem.message : undefined);
  }

  /** The name chosen here, or undefined before the first-start question is answered. */
  get annotator(): string | undefined {
    return this.#data?.annotator;
  }

  /** Whether this install has an id yet (it gets one with its first saved setting). */
  get hasInstallId(): boolean {
    return this.#data !== undefined;
  }

  /** This install's id, made (and kept) on first use. */
  async installId(): Promise<string> {
    if (!this.#data) await this.#save({ schemaVersion: 1, installId: newInstallId() });
    return this.#data!.installId;
  }

  async setAnnotator(name: string): Promise<void> {
    const installId = await this.installId();
    await this.#save({ schemaVersion: 1, installId, annotator: name });
  }

  async #save(next: SettingsFile): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.#data = next;
  }
}

function newInstallId(): string {
  return randomBytes(12).toString('hex');
}
