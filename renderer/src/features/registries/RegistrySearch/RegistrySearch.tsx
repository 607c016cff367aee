import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { RefObject } from 'react';

interface Props {
  value: string;
  onChange: (value: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/**
 * Filters both scopes by name, endpoint or base content path; Escape clears it. A plain text input
 * rather than type="search": Chromium would add its own clear button beside ours.
 */
export function RegistrySearch({ value, onChange, inputRef }: Props) {
  return (
    <TextInput
      ref={inputRef}
      label="Search registries"
      // What it searches is in the placeholder, not a description line: the list's first rows fit a 640-pixel-high window.
      placeholder="Name, endpoint or base path: harbor, 10.0.0.5…"
      spellCheck={false}
      autoComplete="off"
      w={{ base: '100%', sm: 300 }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={value ? <CloseButton size="sm" aria-label="Clear the search field" onClick={() => onChange('')} /> : null}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && value) {
          event.preventDefault();
          onChange('');
        }
      }}
    />
  );
}
