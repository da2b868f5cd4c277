import { useStore } from '../../store/context';
import { SettingsDialog } from '../settings/SettingsDialog';
import { AnnotatorName } from './AnnotatorName';
import { DialogButton } from './DialogButton';
import { ExportButton } from './ExportDialog';
import { HistoryButtons } from './HistoryButtons';
import { ImportButton } from './ImportDialog';
import { SaveIndicator } from './SaveIndicator';
import { ThemeToggle } from './ThemeToggle';

/** The top bar: the project's name, who is annotating, whether changes are saved, undo/redo, the shortcuts and the theme. */
export function Header() {
  const name = useStore((s) => s.project?.name);
  const root = useStore((s) => s.project?.root);
  const hasProject = name !== undefined;
  const setHelpOpen = useStore((s) => s.setHelpOpen);
  return (
    <header className="app-header">
      <span className="app-name">Gloss</span>
      {hasProject && (
        <span className="project-name" title={root}>
          {name}
        </span>
      )}
      <div className="header-tools">
        <AnnotatorName />
        {hasProject && <SaveIndicator />}
        {hasProject && <HistoryButtons />}
        {hasProject && <ImportButton />}
        {hasProject && <ExportButton />}
        <button
          type="button"
          className="button help-button"
          aria-label="Keyboard shortcuts"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
          onClick={() => setHelpOpen(true)}
        >
          ?
        </button>
        <ThemeToggle />
        <DialogButton
          name="settings"
          label="Settings"
          keys="Mod+,"
          dialog={(close) => <SettingsDialog onClose={close} />}
        />
      </div>
    </header>
  );
}
