export const USAGE = `Gloss: annotate folders of news articles.

Usage:
  gloss info <folder> [--json] [--annotator NAME]
      List the folder's articles, the files skipped and why, annotation counts
      per code, and any project file that could not be read. Writes nothing.
  gloss suggest <folder> [--doc KEY] [--json] [--annotator NAME]
      Print what Gloss would suggest tagging (stakeholder mentions, figures with
      their values) in one article or all, less what that annotator rejected or
      tagged already. Offsets in UTF-16 units and in code points. Writes nothing.
  gloss serve <folder> [--port N] [--no-open] [--annotator NAME]
      Open the folder in Gloss in your web browser. Listens on 127.0.0.1 only,
      with a token in the printed link; Ctrl+C stops it.
  gloss help
`;

/** A mistake in how the command was called: reported with the usage, exit code 2. */
export class UsageError extends Error {}
