import type { ReactNode } from 'react';
import { useStore } from '../../store/context';
import type { HeaderDialog } from '../../store/ui-slice';

/**
 * A header button that opens a dialog, which gets the function that closes it. Which dialog is
 * open lives in the store, so the desktop menu's File → Import…/Export… open the same ones.
 */
export function DialogButton({
  name,
  label,
  keys,
  dialog,
}: {
  name: HeaderDialog;
  label: string;
  /** The shortcut that opens it too (aria-keyshortcuts), if any. */
  keys?: string;
  dialog: (close: () => void) => ReactNode;
}) {
  const open = useStore((s) => s.openDialog === name);
  const setOpenDialog = useStore((s) => s.setOpenDialog);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        aria-keyshortcuts={keys?.replace('Mod', navigator.platform.startsWith('Mac') ? 'Meta' : 'Control')}
        onClick={() => setOpenDialog(name)}
      >
        {label}
      </button>
      {open && dialog(() => setOpenDialog(null))}
    </>
  );
}
