import { type ReactNode, useId } from 'react';
import { createPortal } from 'react-dom';
import { useModalDialog } from './use-modal-dialog';
import './ModalDialog.css';

/**
 * A modal dialog with a title: shown with showModal() while it is mounted (see useModalDialog
 * for focus, Escape and the inert page behind). Drawn under <body>, so the styles of whatever
 * opened it do not reach it.
 */
export function ModalDialog({
  title,
  onClose,
  children,
}: {
  title: string;
  /** Escape, or a Cancel/Close button: the parent unmounts the dialog. */
  onClose: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const dialog = useModalDialog(onClose);
  return createPortal(
    <dialog {...dialog} aria-labelledby={titleId} className="modal">
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>,
    document.body,
  );
}
