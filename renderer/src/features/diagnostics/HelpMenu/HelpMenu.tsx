import { ActionIcon, Menu } from '@mantine/core';
import { IconHelp, IconStethoscope } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';

// Loaded when first opened: the list's first screen does not wait for it.
const DiagnosticsDialog = lazy(() => import('../DiagnosticsDialog/DiagnosticsDialog').then((m) => ({ default: m.DiagnosticsDialog })));

/**
 * The header's Help menu. Its one entry opens the diagnostics export; the menu and the dialog stay
 * in the page (not a portal) so they remain inside a landmark (axe "region"), as the row menus do.
 */
export function HelpMenu() {
  const [diagnosticsOpen, setDiagnosticsOpen] = useState(false);
  const [diagnosticsUsed, setDiagnosticsUsed] = useState(false);
  return (
    <>
      <Menu position="bottom-end" shadow="md" width={240} withinPortal={false} withInitialFocusPlaceholder={false}>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" aria-label="Help" size="lg">
            <IconHelp size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item
            leftSection={<IconStethoscope size={16} aria-hidden />}
            onClick={() => {
              setDiagnosticsUsed(true);
              setDiagnosticsOpen(true);
            }}
          >
            Export diagnostics…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {diagnosticsUsed && (
        <Suspense fallback={null}>
          <DiagnosticsDialog opened={diagnosticsOpen} onClose={() => setDiagnosticsOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
