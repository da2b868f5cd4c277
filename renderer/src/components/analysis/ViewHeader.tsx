import { useEffect } from 'react';
import type { Fetched } from '../../store/fetched-answer';
import { downloadText } from '../download-text';
import { FetchedStatus } from './FetchedStatus';

/** A file a view exports: its button's label, the file's name and type, and its text, made when asked. */
export interface ViewExport {
  label: string;
  name: string;
  type: string;
  text(): string | Promise<string>;
}

export const CSV_TYPE = 'text/csv;charset=utf-8';

/**
 * The row above an analysis view: its Refresh and exports, what it is doing, and why it failed.
 * A view reads the whole project, so it asks when first shown with nothing to show (unless
 * `askWhenShown` is false: the view decides) and then only when Refresh is pressed.
 */
export function ViewHeader({
  what,
  fetched,
  refresh,
  exports,
  refreshLabel = 'Refresh',
  canRefresh = true,
  askWhenShown = true,
}: {
  /** What the view counts, for its messages: "The frequencies". */
  what: string;
  fetched: Fetched<unknown, unknown>;
  refresh(): Promise<void>;
  exports: readonly ViewExport[];
  refreshLabel?: string;
  canRefresh?: boolean;
  askWhenShown?: boolean;
}) {
  useEffect(() => {
    if (askWhenShown && !fetched.answer && !fetched.loading && !fetched.error) void refresh();
  }, [askWhenShown, fetched, refresh]);

  const save = async (file: ViewExport) => downloadText(file.name, await file.text(), file.type);
  return (
    <>
      <div className="analysis-actions view-actions">
        <button
          type="button"
          className="button"
          disabled={fetched.loading || !canRefresh}
          onClick={() => void refresh()}
        >
          {refreshLabel}
        </button>
        {exports.map((file) => (
          <button
            key={file.name}
            type="button"
            className="button"
            disabled={!fetched.answer}
            onClick={() => void save(file)}
          >
            {file.label}
          </button>
        ))}
      </div>
      <FetchedStatus fetched={fetched} busy="Counting…" failed={`${what} could not be counted`} />
    </>
  );
}
