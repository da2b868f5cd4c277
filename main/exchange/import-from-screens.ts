import type { ApiRequest, ImportFormatInfo, ImportOutcome } from '../../shared/api';
import { ApiError } from '../../shared/api-error';
import type { Project } from '../project/project';
import { applyImport } from './apply-import';
import { IMPORT_FORMATS, importFormat } from './format-registry';
import { readImport } from './import-plan';
import { ImportProblemsError } from './import-problems-error';

export function importFormatList(): ImportFormatInfo[] {
  return IMPORT_FORMATS.map(({ id, description }) => ({ id, description }));
}

/**
 * An import from the screens: the files arrive as contents, so no path of the computer comes
 * from the page, and `into` is resolved inside the project like every path from it. Problems
 * are the answer (nothing written); otherwise what was added.
 */
export async function importFromScreens(
  project: Project,
  request: ApiRequest<'importFiles'>,
): Promise<ImportOutcome> {
  const format = importFormat(request.format);
  if (!format) throw new ApiError('bad-request', `There is no import format "${request.format}"`);
  const files = new Map(
    request.files.map((file) => [file.path, new Uint8Array(Buffer.from(file.data, 'base64'))]),
  );
  const result = await readImport(format, files);
  if (!result.ok) return { ok: false, problems: result.problems };
  try {
    return { ok: true, ...(await applyImport(project, result.plan, request.into)) };
  } catch (error) {
    // An imported text that differs from the article of the same key: a problem like the input's own.
    if (error instanceof ImportProblemsError) return { ok: false, problems: error.problems };
    throw error;
  }
}
