import { Button } from '@mantine/core';
import { IconCloudSearch } from '@tabler/icons-react';

/** Opens the Palette view; kept apart from the view itself, which loads on demand. */
export function PaletteViewButton({ disabled, onOpen }: { disabled: boolean; onOpen: () => void }) {
  return (
    <Button variant="default" leftSection={<IconCloudSearch size={16} aria-hidden />} disabled={disabled} onClick={onOpen}>
      Palette view…
    </Button>
  );
}
