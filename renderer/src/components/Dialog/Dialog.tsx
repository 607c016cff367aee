import { Modal, type ModalProps } from '@mantine/core';
import { Suspense, useState, type ComponentType, type RefObject } from 'react';

type Props = ModalProps & {
  /** The close button's accessible name; "Close" unless the dialog needs a more specific one. */
  closeLabel?: string;
  /** Opened from the page header: shown in <main>, since inside the header its own <header> would be a second banner landmark. */
  fromHeader?: boolean;
};

/**
 * A modal as every dialog here is laid out: centred, its close button named, and rendered where it
 * is declared, inside the main landmark. Portalled to <body>, a modal's <header> would count as a
 * second banner landmark (axe).
 */
export function Dialog({ closeLabel = 'Close', fromHeader = false, ...props }: Props) {
  const placement = fromHeader ? { withinPortal: true, portalProps: { target: 'main' } } : { withinPortal: false };
  return <Modal closeButtonProps={{ 'aria-label': closeLabel }} centered {...placement} {...props} />;
}

/**
 * For a dialog loaded on first use: `used` turns true at the first opening and stays true, so the
 * dialog's code is fetched then and it keeps its closing transition afterwards. Closing puts the
 * focus back on `trigger`: a modal mounted already open (the first, lazy opening) has no element
 * to return to, and a menu item that opened it is gone with its menu.
 */
export function useDialogOpening(trigger: RefObject<HTMLElement | null>): DialogOpening {
  const [opened, setOpened] = useState(false);
  const [used, setUsed] = useState(false);
  return {
    opened,
    used,
    open: () => {
      setUsed(true);
      setOpened(true);
    },
    close: () => {
      setOpened(false);
      // After the modal's focus trap has let go, which it does as `opened` turns false.
      setTimeout(() => trigger.current?.focus(), 0);
    },
  };
}

export interface DialogOpening {
  opened: boolean;
  used: boolean;
  open: () => void;
  close: () => void;
}

/** A lazily loaded dialog, mounted from its first opening on (nothing is drawn while its code loads). */
export function LazyDialog({
  opening,
  dialog: Loaded,
}: {
  opening: DialogOpening;
  dialog: ComponentType<{ opened: boolean; onClose: () => void }>;
}) {
  if (!opening.used) return null;
  return (
    <Suspense fallback={null}>
      <Loaded opened={opening.opened} onClose={opening.close} />
    </Suspense>
  );
}
