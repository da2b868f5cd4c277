import { ApiError } from '../../shared/api-error';

/**
 * Why the disk refused a write, in words a researcher can act on. Node's own messages
 * ("ENOSPC: no space left on device, write") are kept only for errors not named here.
 */
export function describeDiskRefusal(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'EROFS':
      return 'the folder is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'the file or its folder is read-only (permission denied)';
    case 'EIO':
      return 'the disk reported a read/write error';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Why a file could not be read, for the list of skipped files: errno-style errors in words,
 * any other error (a reason Gloss gave, such as a page nested too deep) as it is.
 */
export function describeReadRefusal(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'you may not read this file (permission denied)';
    case 'ENOENT':
      return 'it was removed while Gloss was reading it';
    case 'EIO':
      return 'the disk reported a read error';
    case 'EISDIR':
      return 'it is a folder';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * A failed save of `displayName` (a project-relative path) as it reaches the screen: a refusal
 * from the disk (any error with an errno-style `code`) becomes an 'io' ApiError naming the file;
 * ApiErrors and anything else (a bug, reported as internal) pass through unchanged.
 */
export function saveFailure(displayName: string, error: unknown): unknown {
  if (error instanceof ApiError || typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') {
    return error;
  }
  return new ApiError('io', `Could not save ${displayName}: ${describeDiskRefusal(error)}`, displayName);
}
