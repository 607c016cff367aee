import { Text } from '@mantine/core';

/**
 * "Will be sent as …" under a field whose value is stored and sent in another form than typed (a
 * trailing /v2/, surrounding slashes): the admin sees what the validation checked and Palette gets.
 */
export function SentAs({ value, field }: { value: string | undefined; field: string }) {
  if (value === undefined) return null;
  return (
    <Text size="xs" mt={4} role="status" aria-label={`${field} as sent`}>
      Will be sent as <code>{value}</code>
    </Text>
  );
}
