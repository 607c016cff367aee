import { ActionIcon, Menu } from '@mantine/core';
import { IconCloudUpload, IconCopy, IconDots, IconFileExport, IconPencil, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { RegistrySummary } from '../../../../../shared/model/registry';
import classes from './RegistriesTable.module.css';
import { useDeferredMount } from './use-deferred-mount';

export type RowAction = 'validate' | 'edit' | 'duplicate' | 'export' | 'publish' | 'delete';

interface Props {
  registry: RegistrySummary;
  validating: boolean;
  onAction: (action: RowAction, registry: RegistrySummary) => void;
}

/**
 * One menu per row, named after its registry so a screen reader says which one it acts on.
 * Mantine's Menu gives the keyboard behaviour of the WAI-ARIA menu button pattern: Enter or Space
 * open it, arrows move (wrapping), Escape closes and returns focus to the button. The menu itself
 * mounts just after the row (see useDeferredMount).
 */
export function RowActions({ registry, validating, onAction }: Props) {
  const { mounted, target, placeholderProps } = useDeferredMount();
  // Activated before the menu was mounted (a fast click): open it as soon as it is.
  const [openOnMount, setOpenOnMount] = useState(false);
  const label = `Actions for ${registry.name}`;

  if (!mounted) {
    return (
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={false}
        {...placeholderProps}
        onClick={() => setOpenOnMount(true)}
      >
        <IconDots size={18} aria-hidden />
      </ActionIcon>
    );
  }

  const item = (action: RowAction, icon: ReactNode, text: string, extra: { disabled?: boolean; className?: string } = {}) => (
    <Menu.Item leftSection={icon} onClick={() => onAction(action, registry)} {...extra}>
      {text}
    </Menu.Item>
  );
  return (
    <Menu
      position="bottom-end"
      shadow="md"
      width={220}
      loop
      defaultOpened={openOnMount}
      // In the page rather than a portal, so the menu stays inside the main landmark (axe "region");
      // fixed positioning keeps the table's scroll container from clipping it.
      withinPortal={false}
      floatingStrategy="fixed"
      // Mantine's focus placeholder is a focusable role="presentation" child that axe rejects in a menu.
      withInitialFocusPlaceholder={false}
    >
      <Menu.Target>
        <ActionIcon ref={target} variant="subtle" color="gray" aria-label={label}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {item('validate', <IconRefresh size={16} aria-hidden />, 'Validate again', { disabled: validating })}
        {item('edit', <IconPencil size={16} aria-hidden />, 'Edit')}
        {item('duplicate', <IconCopy size={16} aria-hidden />, 'Duplicate')}
        {item('export', <IconFileExport size={16} aria-hidden />, 'Export…')}
        {item('publish', <IconCloudUpload size={16} aria-hidden />, 'Publish to Palette…')}
        <Menu.Divider />
        {item('delete', <IconTrash size={16} aria-hidden />, 'Delete…', { className: classes.danger })}
      </Menu.Dropdown>
    </Menu>
  );
}
