import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { CertificateSummary, CertificateWarning } from '../../../../shared/model/certificate';

/**
 * One certificate as an admin checks it: who it is for, who issued it, until when, and the
 * SHA-256 fingerprint to compare out of band before trusting it.
 */
export function CertificateCard({
  certificate,
  warnings = [],
  action,
}: {
  certificate: CertificateSummary;
  warnings?: CertificateWarning[];
  action?: ReactNode;
}) {
  const [openedAt] = useState(() => Date.now());
  const expired = Date.parse(certificate.validTo) < openedAt;
  return (
    <Paper withBorder p="sm" component="article" aria-label={`Certificate ${certificate.subject}`}>
      <Stack gap={4}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconCertificate size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {certificate.subject}
          </Text>
        </Group>
        <Group gap={6}>
          {certificate.isCa && (
            <Badge variant="dot" color="indigo">
              CA
            </Badge>
          )}
          {certificate.selfSigned && (
            <Badge variant="dot" color="gray">
              self-signed
            </Badge>
          )}
          {expired && (
            <Badge variant="dot" color="red">
              expired
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Issued by {certificate.issuer}
        </Text>
        <Text size="xs" c="dimmed">
          Valid {certificate.validFrom.slice(0, 10)} to {certificate.validTo.slice(0, 10)}
        </Text>
        <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }} aria-label="SHA-256 fingerprint">
          SHA-256 {certificate.fingerprintSha256}
        </Text>
        {warnings.map((warning) => (
          <Text key={warning.code} size="xs" role="note">
            <strong>Warning:</strong> {warning.message}
          </Text>
        ))}
        {action}
      </Stack>
    </Paper>
  );
}
