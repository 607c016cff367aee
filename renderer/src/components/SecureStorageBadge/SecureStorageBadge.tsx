import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useAppInfo } from '../../api/app-info';

/** Which secret storage the app uses, always in view: admins decide what to save by it. */
export function SecureStorageBadge() {
  const { info } = useAppInfo();
  if (!info) return null;
  const { secureStorage } = info;
  return (
    <Group gap="xs">
      {info.host === 'harness' && <Badge variant="default">Browser harness</Badge>}
      <Tooltip label={secureStorage.description} multiline w={280}>
        {/* "dot" keeps the text in the body colour: coloured badge text fails contrast. */}
        <Badge color={secureStorage.persistent ? 'green' : 'yellow'} variant="dot" tabIndex={0}>
          {secureStorage.persistent ? `Secrets: ${secureStorage.backend}` : 'Secrets: no keychain'}
        </Badge>
      </Tooltip>
      <Text size="xs" c="dimmed">
        v{info.version}
      </Text>
    </Group>
  );
}
