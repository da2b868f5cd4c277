import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { Code } from '../../../../shared/model/codebook';
import { roleOf } from '../../../../shared/model/codebook-tree';
import type { FigureValue } from '../../../../shared/model/figure';
import type { Stakeholder } from '../../../../shared/model/stakeholder';
import { shortcutKey } from '../../keyboard/key-position';
import { shortQuote } from '../../store/annotations-slice';
import { useStore } from '../../store/context';
import type { PendingSelection } from '../../store/ui-slice';
import { formatFigureValue } from '../editors/format-figure';
import type { NewStakeholder, StakeholderChoice } from '../editors/StakeholderPicker';
import { codeForShortcut } from './palette-codes';

/** Where the palette is: choosing a code, or giving the stakeholder or value a code needs. */
export type PaletteStep =
  | { kind: 'codes' }
  | { kind: 'stakeholder'; code: Code }
  | { kind: 'figure'; code: Code };

export interface TagPaletteController {
  /** The passage to tag; the palette shows while there is one. */
  selection: PendingSelection | null;
  step: PaletteStep;
  /** The "Find a code" input, focused by `/` or Enter in the reader. */
  searchRef: RefObject<HTMLInputElement | null>;
  /** True while a stakeholder is being added, so nothing is sent twice. */
  busy: boolean;
  /** The last "Tagged …" message, for an aria-live region. */
  announcement: string;
  /**
   * Keys pressed in the reader (the article text and the palette, which sit in one element with
   * this handler): a code's shortcut applies it, `/` or Enter goes to the search, Escape closes.
   * Keys typed into a field are left to the field.
   */
  onKeyDown(event: KeyboardEvent): void;
  /** Applies a code: at once for concerns, or after its stakeholder or value is given. */
  applyCode(codeId: string): void;
  pickStakeholder(choice: StakeholderChoice): void;
  createStakeholder(draft: NewStakeholder): Promise<void>;
  saveFigure(value: FigureValue): void;
  /** Back from a stakeholder or value to the codes. */
  back(): void;
  /** Closes the palette and drops the selection. */
  close(): void;
}

export interface TagPaletteOptions {
  /**
   * Puts focus back in the article text after tagging or closing, with the caret at `caretAt`
   * (the end of the passage, a UTF-16 offset) so the keyboard goes on from there.
   */
  returnFocus(caretAt?: number): void;
}

/**
 * The tagging palette's state and actions, kept apart from its looks so the reader can route its
 * keys here while the palette is drawn beside the selection.
 */
export function useTagPalette({ returnFocus }: TagPaletteOptions): TagPaletteController {
  const selection = useStore((s) => s.pendingSelection);
  const codebook = useStore((s) => s.project?.codebook);
  const setPendingSelection = useStore((s) => s.setPendingSelection);
  const tag = useStore((s) => s.tag);
  const addStakeholder = useStore((s) => s.addStakeholder);
  const updateStakeholder = useStore((s) => s.updateStakeholder);
  const [step, setStep] = useState<PaletteStep>({ kind: 'codes' });
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);

  // A new selection starts again from the codes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the selection is the trigger, not an input.
  useEffect(() => setStep({ kind: 'codes' }), [selection]);

  const close = useCallback(() => {
    setPendingSelection(null);
    setStep({ kind: 'codes' });
    returnFocus(selection?.end);
  }, [selection, setPendingSelection, returnFocus]);

  /** Tags the selection with `code`, then closes and says so. */
  const finish = useCallback(
    (code: Code, extra: { stakeholder?: Stakeholder; value?: FigureValue }) => {
      if (!selection) return;
      void tag({
        code: code.id,
        start: selection.start,
        end: selection.end,
        ...(extra.stakeholder ? { stakeholderId: extra.stakeholder.id } : {}),
        ...(extra.value ? { value: extra.value } : {}),
      });
      const detail = extra.stakeholder
        ? ` (${extra.stakeholder.name})`
        : extra.value
          ? ` (${formatFigureValue(extra.value)})`
          : '';
      setAnnouncement(`Tagged “${shortQuote(selection.quote)}” as ${code.name}${detail}`);
      setPendingSelection(null);
      setStep({ kind: 'codes' });
      returnFocus(selection.end);
    },
    [selection, tag, setPendingSelection, returnFocus],
  );

  const applyCode = useCallback(
    (codeId: string) => {
      const code = codebook?.codes.find((c) => c.id === codeId);
      if (!codebook || !code?.codable || !selection) return;
      const role = roleOf(codebook, code.id);
      if (role === 'stakeholder') setStep({ kind: 'stakeholder', code });
      else if (role === 'figure') setStep({ kind: 'figure', code });
      else finish(code, {});
    },
    [codebook, selection, finish],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent) => {
      if (event.defaultPrevented || !selection || !codebook) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.ctrlKey || event.metaKey || event.altKey || step.kind !== 'codes') return;
      const onButton = target?.closest('button, [role="option"], a[href]');
      if (event.key === '/' || (event.key === 'Enter' && !onButton)) {
        event.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (event.shiftKey) return;
      // By position on a non-Latin layout, as the app's shortcuts are: "ф" is the code on "a".
      const code = codeForShortcut(codebook, shortcutKey(event));
      if (code) {
        // Handled here: the app's own shortcuts must not act on the same key.
        event.preventDefault();
        event.stopPropagation();
        applyCode(code.id);
      }
    },
    [selection, codebook, step.kind, close, applyCode],
  );

  const codeOfStep = step.kind === 'codes' ? undefined : step.code;

  const pickStakeholder = useCallback(
    (choice: StakeholderChoice) => {
      if (!codeOfStep) return;
      const { stakeholder, addAlias } = choice;
      if (addAlias) void updateStakeholder(stakeholder.id, { aliases: [...stakeholder.aliases, addAlias] });
      finish(codeOfStep, { stakeholder });
    },
    [codeOfStep, updateStakeholder, finish],
  );

  const createStakeholder = useCallback(
    async (draft: NewStakeholder) => {
      if (!codeOfStep) return;
      setBusy(true);
      try {
        // Not optimistic: the register entry's id comes from project.json. A failure is listed with
        // a retry by the saves slice, and the palette stays open to try again.
        const added = await addStakeholder({ name: draft.name, kind: draft.kind });
        if (added) finish(codeOfStep, { stakeholder: added });
      } finally {
        setBusy(false);
      }
    },
    [codeOfStep, addStakeholder, finish],
  );

  const saveFigure = useCallback(
    (value: FigureValue) => {
      if (codeOfStep) finish(codeOfStep, { value });
    },
    [codeOfStep, finish],
  );

  const back = useCallback(() => {
    setStep({ kind: 'codes' });
    returnFocus();
  }, [returnFocus]);

  return {
    selection,
    step,
    searchRef,
    busy,
    announcement,
    onKeyDown,
    applyCode,
    pickStakeholder,
    createStakeholder,
    saveFigure,
    back,
    close,
  };
}
