import { useId, useState } from 'react';
import { useStore } from '../../store/context';
import { ModalDialog } from '../dialog/ModalDialog';
import { AnnotatorDialog } from '../header/AnnotatorDialog';
import { THEME_LABELS, useTheme } from '../header/ThemeToggle';
import { saveTheme, THEME_CHOICES } from '../header/theme';
import './settings.css';
import {
  FONT_SIZES,
  LINE_WIDTHS,
  type ReaderPrefs,
  saveReaderPrefs,
  storedReaderPrefs,
} from './reader-prefs';

/**
 * Every setting in one place: who annotates, how the screens look and the reader sets its text,
 * how selections snap in this project, and where Gloss keeps what is not in the project. Each
 * change applies at once; there is nothing to confirm.
 */
export function SettingsDialog({ onClose }: { onClose: () => void }) {
  const ids = useId();
  return (
    <ModalDialog title="Settings" onClose={onClose}>
      <div className="settings">
        <AnnotatorSetting />
        <fieldset>
          <legend>Appearance</legend>
          <ThemeSetting name={`${ids}-theme`} />
          <ReaderSettings />
        </fieldset>
        <SnapSetting />
        <WhereThingsAre />
      </div>
      <div className="modal-actions">
        <button type="button" className="button primary" onClick={onClose}>
          Done
        </button>
      </div>
    </ModalDialog>
  );
}

function AnnotatorSetting() {
  const annotator = useStore((s) => s.annotator);
  const [changing, setChanging] = useState(false);
  if (!annotator) return null;
  return (
    <fieldset>
      <legend>Annotator</legend>
      <p className="settings-row">
        You annotate as <strong>{annotator.name}</strong>.{' '}
        {annotator.fixedBy === null ? (
          <button type="button" className="button" aria-haspopup="dialog" onClick={() => setChanging(true)}>
            Change name…
          </button>
        ) : (
          <span className="settings-note">
            {annotator.fixedBy === 'caller'
              ? 'Set by the program that started Gloss.'
              : `Set by ${annotator.fixedBy} when Gloss started.`}
          </span>
        )}
      </p>
      {changing && <AnnotatorDialog info={annotator} onClose={() => setChanging(false)} />}
    </fieldset>
  );
}

function ThemeSetting({ name }: { name: string }) {
  const theme = useTheme();
  return (
    <div className="settings-row" role="radiogroup" aria-label="Theme">
      <span>Theme</span>
      {THEME_CHOICES.map((choice) => (
        <label key={choice} className="modal-choice">
          <input type="radio" name={name} checked={theme === choice} onChange={() => saveTheme(choice)} />
          {THEME_LABELS[choice]}
        </label>
      ))}
    </div>
  );
}

function ReaderSettings() {
  const [prefs, setPrefs] = useState(storedReaderPrefs);
  const change = (changes: Partial<ReaderPrefs>) => {
    const next = { ...prefs, ...changes };
    setPrefs(next);
    saveReaderPrefs(next);
  };
  return (
    <>
      <label className="settings-row">
        <span>Reader text size</span>
        <input
          type="range"
          min={FONT_SIZES.min}
          max={FONT_SIZES.max}
          value={prefs.fontSize}
          aria-valuetext={`${prefs.fontSize} pixels`}
          onChange={(event) => change({ fontSize: Number(event.target.value) })}
        />
        <output>{prefs.fontSize} px</output>
      </label>
      <label className="settings-row">
        <span>Reader line width</span>
        <input
          type="range"
          min={LINE_WIDTHS.min}
          max={LINE_WIDTHS.max}
          step={5}
          value={prefs.lineWidth}
          aria-valuetext={`${prefs.lineWidth} characters`}
          onChange={(event) => change({ lineWidth: Number(event.target.value) })}
        />
        <output>{prefs.lineWidth} characters</output>
      </label>
    </>
  );
}

function SnapSetting() {
  const snap = useStore((s) => s.project?.settings.snapToWords);
  const readOnly = useStore((s) => s.project?.readOnly ?? false);
  const setSnap = useStore((s) => s.setSnapToWords);
  if (snap === undefined) return null;
  return (
    <fieldset>
      <legend>Tagging in this project</legend>
      <label className="modal-choice">
        <input
          type="checkbox"
          checked={snap}
          disabled={readOnly}
          onChange={(event) => void setSnap(event.target.checked)}
        />
        Snap selections to whole words
      </label>
      <p className="settings-note">
        A selection that starts or ends inside a word takes the whole word. Saved in the project, so everyone
        working on it tags alike.
      </p>
    </fieldset>
  );
}

function WhereThingsAre() {
  const folder = useStore((s) => s.annotator?.settingsFolder ?? null);
  const root = useStore((s) => s.project?.root);
  return (
    <fieldset>
      <legend>Where Gloss keeps things</legend>
      <dl className="settings-places">
        {root && (
          <>
            <dt>This project’s annotations, codebook and register</dt>
            <dd>
              <code>{root}</code>, in its <code>.gloss</code> folder (the articles are only read)
            </dd>
          </>
        )}
        <dt>Your name, and the desktop app’s recent projects</dt>
        <dd>{folder ? <code>{folder}</code> : 'Not kept: this Gloss was started with a fixed name'}</dd>
        <dt>Theme and reader settings, reading places</dt>
        <dd>This app’s own storage on this computer</dd>
      </dl>
    </fieldset>
  );
}
