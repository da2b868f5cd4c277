import type { Fetched } from '../../store/fetched-answer';

/**
 * What a view reading the whole project is doing ("Counting…", announced) and why its last
 * request failed: the lines under every analysis view's actions, the disagreements' and curation's.
 */
export function FetchedStatus({
  fetched,
  busy,
  failed,
}: {
  fetched: Fetched<unknown, unknown>;
  /** Shown while loading: "Counting…". */
  busy: string;
  /** Before the error's own message: "The frequencies could not be counted". */
  failed: string;
}) {
  return (
    <>
      <p className="analysis-status" role="status">
        {fetched.loading ? busy : ''}
      </p>
      {fetched.error && (
        <p className="field-error analysis-error" role="alert">
          {failed}: {fetched.error.message}
        </p>
      )}
    </>
  );
}
