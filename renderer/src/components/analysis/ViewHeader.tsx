import type { ReactNode } from 'react';
import type { ApiErrorShape } from '../../../../shared/api-error';

/**
 * The row above an analysis view: its Refresh and exports, what it is doing, and why it failed.
 * A view reads the whole project, so it counts again only when Refresh is pressed.
 */
export function ViewHeader({
  what,
  refreshLabel = 'Refresh',
  canRefresh = true,
  loading,
  error,
  onRefresh,
  children,
}: {
  /** What the view counts, for its messages: "The frequencies". */
  what: string;
  refreshLabel?: string;
  canRefresh?: boolean;
  loading: boolean;
  error: ApiErrorShape | null;
  onRefresh(): void;
  /** The view's export buttons. */
  children?: ReactNode;
}) {
  return (
    <>
      <div className="analysis-actions view-actions">
        <button type="button" className="button" disabled={loading || !canRefresh} onClick={onRefresh}>
          {refreshLabel}
        </button>
        {children}
      </div>
      <p className="analysis-status" role="status">
        {loading ? 'Counting…' : ''}
      </p>
      {error && (
        <p className="field-error analysis-error" role="alert">
          {what} could not be counted: {error.message}
        </p>
      )}
    </>
  );
}
