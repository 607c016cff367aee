import { ActionIcon, Menu } from '@mantine/core';
import { IconHelp, IconStethoscope } from '@tabler/icons-react';
import { lazy, useRef } from 'react';
import { LazyDialog, useDialogOpening } from '../../../components/Dialog/Dialog';

// Loaded when first opened: the list's first screen does not wait for it.
const DiagnosticsDialog = lazy(() => import('../DiagnosticsDialog/DiagnosticsDialog').then((m) => ({ default: m.DiagnosticsDialog })));

/**
 * The header's Help menu. Its one entry opens the diagnostics export; the menu and the dialog stay
 * in the page (not a portal) so they remain inside a landmark (axe "region"), as the row menus do.
 */
export function HelpMenu() {
  const button = useRef<HTMLButtonElement>(null);
  const diagnostics = useDialogOpening(button);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={240} withinPortal={false} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon ref={button} variant="subtle" color="gray" aria-label="Help" size="lg">
            <IconHelp size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconStethoscope size={16} aria-hidden />} onClick={diagnostics.open}>
            Export diagnostics…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <LazyDialog opening={diagnostics} dialog={DiagnosticsDialog} />
    </>
  );
}
