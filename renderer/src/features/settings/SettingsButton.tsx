import { ActionIcon } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { lazy, useRef } from 'react';
import { LazyDialog, useDialogOpening } from '../../components/Dialog/Dialog';

// Loaded when first opened, with its schema: the list's first screen does not wait for it.
const SettingsDialog = lazy(() => import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })));

/** The header's Settings button: proxy and timeouts for the window's validations. */
export function SettingsButton() {
  const button = useRef<HTMLButtonElement>(null);
  const settings = useDialogOpening(button);
  return (
    <>
      <ActionIcon ref={button} variant="subtle" color="gray" aria-label="Settings" size="lg" onClick={settings.open}>
        <IconSettings size={20} aria-hidden />
      </ActionIcon>
      <LazyDialog opening={settings} dialog={SettingsDialog} />
    </>
  );
}
