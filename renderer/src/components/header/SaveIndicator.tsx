import { useStore } from '../../store/context';
import { saveStatus } from '../../store/saves-slice';

const FAILURES_ID = 'save-failures';

/**
 * Whether every change has reached the disk: "Saved", "Saving…", or "Failed" with a retry and
 * the list of what failed and why. Only the status word is a live region, so a screen reader
 * hears the change and not the buttons.
 */
export function SaveIndicator() {
  const status = useStore(saveStatus);
  return (
    <div className="save-indicator" data-status={status}>
      <span role="status" aria-live="polite">
        {status === 'saved' ? 'Saved' : status === 'saving' ? 'Saving…' : 'Failed'}
      </span>
      {status === 'failed' && <SaveFailures />}
    </div>
  );
}

function SaveFailures() {
  const failed = useStore((s) => s.savesFailed);
  const retryAll = useStore((s) => s.retryAll);
  return (
    <>
      <span aria-hidden="true"> — </span>
      <button type="button" className="button" onClick={() => void retryAll()}>
        Retry
      </button>
      <button
        type="button"
        className="button save-failures-toggle"
        popoverTarget={FAILURES_ID}
        aria-label={failed.length === 1 ? 'What failed: 1 change' : `What failed: ${failed.length} changes`}
      >
        {failed.length} ▾
      </button>
      <div id={FAILURES_ID} className="save-failures" popover="auto">
        <h2>{failed.length === 1 ? 'A change was not saved' : `${failed.length} changes were not saved`}</h2>
        <ul>
          {failed.map((failure) => (
            <li key={failure.id}>
              <strong>{failure.label}</strong>: {failure.error.message}
              {failure.error.file && !failure.error.message.includes(failure.error.file) && (
                <>
                  {' '}
                  (<code>{failure.error.file}</code>)
                </>
              )}
            </li>
          ))}
        </ul>
        <p className="save-failures-note">They are still on screen; Retry sends them again.</p>
      </div>
    </>
  );
}
