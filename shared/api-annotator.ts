/**
 * Who this Gloss annotates as: the answer of getAnnotator and setAnnotator (shared/api.ts
 * re-exports it). The name doubles as the annotator's file name in every project.
 */
export interface AnnotatorInfo {
  /** Whose annotations edits are saved as now. */
  name: string;
  /** What the first-start question offers: the system user's name, made file-name safe. */
  suggested: string;
  /** False until the researcher has answered the first-start question: the screens ask it. */
  chosen: boolean;
  /**
   * Set when the name was fixed when Gloss started, so it is neither asked nor changed from the
   * screens: by the GLOSS_ANNOTATOR variable, by `--annotator`, or by the program that started
   * this Gloss without user settings (tests, the command line).
   */
  fixedBy: 'GLOSS_ANNOTATOR' | '--annotator' | 'caller' | null;
  /**
   * Another computer's Gloss already annotates under this name in the open project: the project
   * is open only to read until another name is chosen or the researcher says it is them.
   */
  taken: { computer: string; since: string } | null;
  /**
   * The folder of this user's Gloss settings, outside every project: the chosen name, and the
   * desktop app's recent projects. Null when this Gloss keeps no settings (started with a fixed name by a program).
   */
  settingsFolder: string | null;
}
