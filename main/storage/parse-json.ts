import { z } from 'zod';

/**
 * Quick parses of files as Gloss writes them, kept beside their schema in zod's own registry so that
 * every reader of that schema uses them (`quickParsers.add(Schema, { quickParse })`, next to the
 * schema). A quick parse returns what the schema would, or undefined to leave the value to the
 * schema, which also gives the messages: it may take less than the schema does, never more. Worth
 * it where the schema's time matters: a document's 10,000 annotations.
 */
export const quickParsers = z.registry<{ quickParse: (raw: unknown) => z.$output | undefined }>();

/**
 * Parses JSON text and validates it, describing any failure the way a researcher
 * fixing the file by hand needs it: "line 3, column 5: …" or "annotations[2].target.start: …".
 * Returns a problem string rather than throwing so callers decide what to name the file; `kind`
 * tells a file that is broken ('syntax', 'schema') from one this Gloss cannot upgrade ('migration').
 * A quick parse registered for `schema` (quickParsers) is tried first.
 */
export function parseJsonText<S extends z.ZodType>(
  text: string,
  schema: S,
  migrate: (raw: unknown) => unknown = (raw) => raw,
):
  | { ok: true; value: z.output<S> }
  | { ok: false; problem: string; kind: 'syntax' | 'migration' | 'schema' } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, kind: 'syntax', problem: `not valid JSON (${describeSyntaxError(text, error)})` };
  }
  try {
    raw = migrate(raw);
  } catch (error) {
    return { ok: false, kind: 'migration', problem: (error as Error).message };
  }
  const quick = quickParsers.get(schema)?.quickParse(raw);
  if (quick !== undefined) return { ok: true, value: quick };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = formatPath(issue.path);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more problems)` : '';
  return { ok: false, kind: 'schema', problem: `${issues.join('; ')}${more}` };
}

function describeSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
