import { ApiError } from '../../shared/api-error';

/** A project file that could not be read or trusted. Carries the file's project-relative name. */
export class FileProblemError extends ApiError {
  constructor(file: string, problem: string) {
    super('invalid-file', `${file}: ${problem}`, file);
  }
}
