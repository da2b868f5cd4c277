import { useModalDialog } from '../components/dialog/use-modal-dialog';
import { useStore } from '../store/context';
import { type ChordStyle, formatChord, localChordStyle } from './chords';
import { SHORTCUT_HELP_ID } from './global-shortcuts';
import { SHORTCUT_GROUPS, type Shortcut, shortcutsIn } from './shortcuts';

/** The shortcuts overlay (`?`): a modal dialog listing every row of shortcuts.ts by group. */
export function ShortcutHelp() {
  const open = useStore((s) => s.helpOpen);
  return open ? <HelpDialog /> : null;
}

function HelpDialog() {
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  const dialog = useModalDialog(() => setHelpOpen(false));
  const style = localChordStyle();

  return (
    <dialog {...dialog} id={SHORTCUT_HELP_ID} className="shortcut-help" aria-labelledby="shortcut-help-title">
      <div className="shortcut-help-heading">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <TourButton />
        <button type="button" className="button" onClick={() => setHelpOpen(false)}>
          Close
        </button>
      </div>
      <div className="shortcut-help-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-labelledby={`shortcut-group-${slug(group)}`}>
            <h3 id={`shortcut-group-${slug(group)}`}>{group}</h3>
            <dl>
              {shortcutsIn(group).map((shortcut) => (
                <div key={shortcut.description} className="shortcut">
                  <dt>
                    <ShortcutKeys shortcut={shortcut} style={style} />
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}

/** The guided tour, opened again from Help. */
function TourButton() {
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  const startTour = useStore((s) => s.startTour);
  const hasProject = useStore((s) => s.project !== null);
  if (!hasProject) return null;
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        setHelpOpen(false);
        startTour();
      }}
    >
      Take the guided tour
    </button>
  );
}

function ShortcutKeys({ shortcut, style }: { shortcut: Shortcut; style: ChordStyle }) {
  if (shortcut.keyLabel) return <>{shortcut.keyLabel}</>;
  return (
    <>
      {shortcut.keys.map((key, i) => (
        <span key={key}>
          {i > 0 && ' or '}
          <kbd>{formatChord(key, style)}</kbd>
        </span>
      ))}
    </>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replaceAll(/[^a-z]+/g, '-');
}
