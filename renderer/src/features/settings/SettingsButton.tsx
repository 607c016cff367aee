import { ActionIcon } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';

// Loaded when first opened, with its schema: the list's first screen does not wait for it.
const SettingsDialog = lazy(() => import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })));

/** The header's Settings button: proxy and timeouts for the window's validations. */
export function SettingsButton() {
  const [opened, setOpened] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label="Settings"
        size="lg"
        onClick={() => {
          setUsed(true);
          setOpened(true);
        }}
      >
        <IconSettings size={20} aria-hidden />
      </ActionIcon>
      {used && (
        <Suspense fallback={null}>
          <SettingsDialog opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
