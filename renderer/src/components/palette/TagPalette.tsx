import { type KeyboardEvent, type ReactNode, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { parseFigure } from '../../../../shared/figures';
import type { Code } from '../../../../shared/model/codebook';
import { isImeComposing } from '../../keyboard/ime';
import { scrollingAncestor } from '../../reader/scroll-into-view';
import { shortQuote } from '../../store/annotations-slice';
import { useStore } from '../../store/context';
import { FigureValueEditor } from '../editors/FigureValueEditor';
import { StakeholderPicker } from '../editors/StakeholderPicker';
import { filterGroups, paletteGroups } from './palette-codes';
import type { TagPaletteController } from './use-tag-palette';
import '../editors/editors.css';
import './palette.css';

export interface TagPaletteProps {
  palette: TagPaletteController;
  /** Where the selection is on screen (viewport coordinates); the palette sits below it, or above near the bottom. */
  anchorRect?: () => DOMRect | undefined;
}

/** Space kept between the palette and the selection, and the window's edges. */
const GAP = 8;
/** The palette is never squeezed below this height (px); it scrolls inside instead. */
const MIN_HEIGHT = 160;

/**
 * The popover that tags the pending selection: codes under their group headings, with their
 * shortcut keys and a search; then, for stakeholder and figure codes, the picker or value editor.
 * It positions itself inside its offset parent (the reader body), so it scrolls with the text.
 */
export function TagPalette({ palette, anchorRect }: TagPaletteProps) {
  const { selection, step } = palette;
  const element = useRef<HTMLDivElement>(null);
  const headingId = useId();

  useLayoutEffect(() => {
    const box = element.current;
    if (!box || !selection) return;
    const place = () => placeBeside(box, anchorRect?.());
    place();
    // The palette's height changes with the step and the search; keep it beside the selection.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(place) : undefined;
    observer?.observe(box);
    window.addEventListener('resize', place);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [selection, anchorRect]);

  if (!selection) return null;

  return (
    <div
      ref={element}
      className="tag-palette"
      role="dialog"
      aria-label="Tag selection"
      aria-describedby={headingId}
      data-step={step.kind}
    >
      <p id={headingId} className="tag-palette-quote">
        {step.kind !== 'codes' && <span className="tag-palette-code">{step.code.name} · </span>}“
        {shortQuote(selection.quote)}”
      </p>
      {step.kind === 'codes' && <CodeChoices palette={palette} />}
      {step.kind === 'stakeholder' && <StakeholderStep palette={palette} quote={selection.quote} />}
      {step.kind === 'figure' && <FigureStep palette={palette} quote={selection.quote} />}
    </div>
  );
}

/** The value of a figure code, prefilled with what the figure parser reads in the passage. */
function FigureStep({ palette, quote }: { palette: TagPaletteController; quote: string }) {
  const initial = useMemo(() => parseFigure(quote), [quote]);
  return (
    <FigureValueEditor
      autoFocus
      initial={initial}
      saveLabel="Tag"
      busy={palette.busy}
      onSave={palette.saveFigure}
      onCancel={palette.back}
    />
  );
}

function StakeholderStep({ palette, quote }: { palette: TagPaletteController; quote: string }) {
  const stakeholders = useStore((s) => s.project?.stakeholders) ?? NONE;
  return (
    <StakeholderPicker
      autoFocus
      stakeholders={stakeholders}
      quote={quote}
      busy={palette.busy}
      onPick={palette.pickStakeholder}
      onCreate={(draft) => void palette.createStakeholder(draft)}
      onCancel={palette.back}
    />
  );
}
const NONE: never[] = [];

/** Step one: the search and the codes, grouped. ↑/↓ move between them; Enter in the search applies the first. */
function CodeChoices({ palette }: { palette: TagPaletteController }) {
  const codebook = useStore((s) => s.project?.codebook);
  const [query, setQuery] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const searchId = useId();
  const groups = useMemo(() => (codebook ? paletteGroups(codebook) : []), [codebook]);
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const first = shown[0]?.codes[0]?.code;

  const buttons = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('button[data-code]') ?? [])];

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // An input method's Enter commits the words typed; it does not apply a code.
    if (isImeComposing(event)) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      buttons()[0]?.focus();
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      buttons().at(-1)?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (first) palette.applyCode(first.id);
    } else if (event.key === 'Escape' && query !== '') {
      // The first Escape clears the search; the next closes the palette.
      event.preventDefault();
      setQuery('');
    }
  };

  const onCodeKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const all = buttons();
    const at = all.indexOf(event.target as HTMLButtonElement);
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) palette.searchRef.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  return (
    <>
      <label className="visually-hidden" htmlFor={searchId}>
        Find a code
      </label>
      <input
        ref={palette.searchRef}
        id={searchId}
        className="editor-input"
        type="search"
        placeholder="Find a code  ( / )"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onSearchKey}
      />
      <div ref={list} className="tag-palette-codes">
        {shown.length === 0 && <p className="tag-palette-empty">No code has “{query.trim()}” in its name.</p>}
        {shown.map(({ group, codes }) => (
          <CodeGroup key={group.id} name={group.name}>
            {codes.map(({ code, depth }) => (
              <CodeButton
                key={code.id}
                code={code}
                depth={depth}
                isDefault={query !== '' && code === first}
                onApply={palette.applyCode}
                onKeyDown={onCodeKey}
              />
            ))}
          </CodeGroup>
        ))}
      </div>
    </>
  );
}

function CodeGroup({ name, children }: { name: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="tag-palette-group" aria-labelledby={id}>
      <h3 id={id} className="tag-palette-group-name">
        {name}
      </h3>
      {children}
    </section>
  );
}

function CodeButton({
  code,
  depth,
  isDefault,
  onApply,
  onKeyDown,
}: {
  code: Code;
  depth: number;
  isDefault: boolean;
  onApply(codeId: string): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
}) {
  return (
    <button
      type="button"
      className="row-button tag-palette-code-button"
      data-code={code.id}
      data-depth={Math.min(depth, 3)}
      data-default={isDefault || undefined}
      // Named after the code alone; the key is announced as a shortcut, not read as part of the name.
      aria-label={code.name}
      aria-keyshortcuts={code.shortcut}
      title={code.description || undefined}
      onClick={() => onApply(code.id)}
      onKeyDown={onKeyDown}
    >
      <Swatch color={code.color} />
      <span className="tag-palette-code-name">{code.name}</span>
      {code.shortcut && <kbd className="tag-palette-shortcut">{code.shortcut}</kbd>}
    </button>
  );
}

/** The code's colour as a small square; set through the CSSOM, which the CSP allows. */
function Swatch({ color }: { color: string }) {
  return <span className="tag-palette-swatch" aria-hidden="true" style={{ backgroundColor: color }} />;
}

/**
 * Below the anchor when the palette fits under it in the visible part of the reading pane, else
 * above it when it fits there, else on the roomier side with its height capped (it scrolls);
 * never past the sides of its offset parent.
 */
function placeBeside(box: HTMLElement, anchor: DOMRect | undefined): void {
  const parent = (box.offsetParent as HTMLElement | null) ?? box.parentElement;
  if (!anchor || !parent || typeof parent.getBoundingClientRect !== 'function') return;
  const frame = parent.getBoundingClientRect();
  const scroller = scrollingAncestor(parent);
  const visible =
    scroller && scroller !== document.scrollingElement ? scroller.getBoundingClientRect() : undefined;
  const viewTop = Math.max(0, visible?.top ?? 0) + GAP;
  const viewBottom = Math.min(window.innerHeight, visible?.bottom ?? window.innerHeight) - GAP;
  box.style.maxHeight = '';
  const height = box.offsetHeight;
  const roomBelow = viewBottom - (anchor.bottom + GAP);
  const roomAbove = anchor.top - GAP - viewTop;
  const below = height <= roomBelow || (height > roomAbove && roomBelow >= roomAbove);
  const room = below ? roomBelow : roomAbove;
  if (height > room) box.style.maxHeight = `${Math.max(MIN_HEIGHT, Math.floor(room))}px`;
  const top = below ? anchor.bottom + GAP : anchor.top - GAP - Math.min(height, Math.max(MIN_HEIGHT, room));
  const left = Math.max(0, Math.min(anchor.left - frame.left, frame.width - box.offsetWidth));
  box.style.top = `${Math.round(top - frame.top)}px`;
  box.style.left = `${Math.round(left)}px`;
}
