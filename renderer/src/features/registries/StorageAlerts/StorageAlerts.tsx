import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { SecureStorageStatus, StorageNotice } from '../../../../../shared/model/app-info';
import { useAppInfo } from '../../../api/app-info';
import { client } from '../../../api/client';

/** Mantine colours alert titles with the alert's colour, which fails WCAG AA contrast in yellow and red; the icon keeps the colour. */
const readableTitle = { title: { color: 'var(--mantine-color-text)' } };

const noticeTitle: Record<StorageNotice['code'], string> = {
  STORE_UNREADABLE: 'Saved registries could not be read',
  SECRETS_UNREADABLE: 'Saved secrets could not be read',
  STORE_NEWER_LAYOUT: 'Saved registries are read-only',
};

/**
 * What the admin must know about storage before trusting it: files that were found damaged and
 * moved aside (with where to), a store written by a newer version (read-only), and, without a keychain, what happens to secrets (ARCHITECTURE §4).
 */
export function StorageAlerts() {
  const { info, reload } = useAppInfo();
  if (!info) return null;
  return (
    <>
      {info.storageNotices.map((notice) => (
        <Alert
          key={`${notice.code} ${notice.backupPath ?? ''}`}
          color="red"
          title={noticeTitle[notice.code]}
          icon={<IconAlertTriangle aria-hidden />}
          styles={readableTitle}
        >
          <Stack gap={4}>
            <Text size="sm">{notice.message}</Text>
            <Text size="sm">{notice.remedy}</Text>
            {notice.backupPath && (
              <Text size="sm">
                Kept as{' '}
                <Text span ff="monospace">
                  {notice.backupPath}
                </Text>
              </Text>
            )}
          </Stack>
        </Alert>
      ))}
      {info.secureStorage.policy !== 'keychain' && <SecretStorageAlert status={info.secureStorage} onChanged={reload} />}
    </>
  );
}

function SecretStorageAlert({ status, onChanged }: { status: SecureStorageStatus; onChanged: () => Promise<void> }) {
  const [saving, setSaving] = useState(false);
  const optedIn = status.policy === 'insecure-opt-in';
  const toggle = () => {
    setSaving(true);
    void client
      .updateSettings({ allowInsecureSecretStorage: !optedIn })
      .then(onChanged, () => undefined)
      .finally(() => setSaving(false));
  };
  return (
    <Alert
      color="yellow"
      role="status"
      title={optedIn ? 'Secrets are saved without a keychain' : 'No keychain: secrets are kept for this session only'}
      icon={<IconLock aria-hidden />}
      styles={readableTitle}
    >
      {/* One paragraph and the button beside it: at 1024×640 the list's first row must stay on the first screen. */}
      <Group gap="sm" wrap="nowrap" align="center">
        <Text size="sm">
          {status.description}{' '}
          {status.canOptIn &&
            (optedIn
              ? 'Passwords and keys are only obfuscated on disk: anyone who can read your files can recover them.'
              : 'You can save them on disk anyway, but only obfuscated: anyone who can read your files could recover them.')}
        </Text>
        {status.canOptIn && (
          <Button size="xs" variant="default" loading={saving} onClick={toggle} style={{ flexShrink: 0 }}>
            {optedIn ? 'Stop saving secrets without a keychain' : 'Save secrets without a keychain'}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
