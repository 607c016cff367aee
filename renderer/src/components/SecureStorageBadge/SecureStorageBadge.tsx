import { Badge, Group, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/model/app-info';
import { client } from '../../api/client';

/** Which secret storage the app uses, always in view: admins decide what to save by it. */
export function SecureStorageBadge() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    client.appInfo().then(setInfo, () => setInfo(null));
  }, []);
  if (!info) return null;
  const { secureStorage } = info;
  return (
    <Group gap="xs">
      {info.host === 'harness' && (
        <Badge color="grape" variant="outline">
          Browser harness
        </Badge>
      )}
      <Tooltip label={secureStorage.description} multiline w={280}>
        <Badge color={secureStorage.persistent ? 'green' : 'yellow'} variant="light" tabIndex={0}>
          {secureStorage.persistent ? `Secrets: ${secureStorage.backend}` : 'Secrets: no keychain'}
        </Badge>
      </Tooltip>
      <Badge color="gray" variant="transparent">
        v{info.version}
      </Badge>
    </Group>
  );
}
