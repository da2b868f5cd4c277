import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';

/**
 * A tab list over one panel (WAI-ARIA tabs, automatic activation): one Tab stop, arrow keys,
 * Home and End move between the tabs and show each at once. `look` names the classes:
 * `<look>-tabs`, `<look>-tab` and `<look>-tabpanel`.
 */
export function Tabs<Id extends string>({
  label,
  tabs,
  current,
  onChange,
  look,
  children,
}: {
  label: string;
  tabs: readonly { id: Id; label: ReactNode }[];
  current: Id;
  onChange(id: Id): void;
  look: string;
  /** The panel of the current tab. */
  children: ReactNode;
}) {
  const baseId = useId();
  const buttons = useRef(new Map<Id, HTMLButtonElement>());
  const tabId = (id: Id) => `${baseId}-tab-${id}`;
  const panelId = `${baseId}-panel`;

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((t) => t.id === current);
    const next = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    }[event.key];
    const target = next === undefined ? undefined : tabs[next];
    if (!target) return;
    event.preventDefault();
    onChange(target.id);
    buttons.current.get(target.id)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className={`${look}-tabs`} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(button) => {
              if (button) buttons.current.set(t.id, button);
              else buttons.current.delete(t.id);
            }}
            type="button"
            role="tab"
            id={tabId(t.id)}
            className={`${look}-tab`}
            aria-selected={t.id === current}
            aria-controls={t.id === current ? panelId : undefined}
            tabIndex={t.id === current ? 0 : -1}
            onClick={() => onChange(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId(current)} className={`${look}-tabpanel`}>
        {children}
      </div>
    </>
  );
}
