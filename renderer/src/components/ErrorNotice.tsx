import type { ApiErrorShape } from '../../../shared/api-error';

/** A failure as the researcher needs it: what went wrong, and which file when one is at fault. */
export function ErrorNotice({ error }: { error: ApiErrorShape }) {
  return (
    <div className="error-notice" role="alert">
      <p>{error.message}</p>
      {error.file && (
        <p className="error-file">
          File: <code>{error.file}</code>
        </p>
      )}
    </div>
  );
}
