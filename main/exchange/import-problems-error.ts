import { ApiError } from '../../shared/api-error';
import type { ImportProblem } from './import-plan';

/**
 * An import that found problems and wrote nothing: every problem, by file (and line where the
 * format has lines). The command line prints the message; the screens answer with the problems.
 */
export class ImportProblemsError extends ApiError {
  constructor(readonly problems: ImportProblem[]) {
    super(
      'bad-request',
      `nothing was imported: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the input\n${problems
        .map((p) => `  ${p.file}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}`)
        .join('\n')}`,
    );
  }
}
