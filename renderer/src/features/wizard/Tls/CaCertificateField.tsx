import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { CertificateFile, PresentedChain } from '../../../../../shared/model/certificate';
import { client } from '../../../api/client';
import { useAction } from '../../../api/use-action';
import { CertificateCard } from '../../../components/CertificateCard/CertificateCard';
import { ProblemAlert } from '../../../components/ProblemAlert/ProblemAlert';
import type { WizardForm } from '../wizard-form';
import { useKeepFocus } from '../keep-focus';

/** Upload a CA file, or look at what the server presents and trust its root after comparing it. */
export function CaCertificateField({ form }: { form: WizardForm }) {
  const [file, setFile] = useState<CertificateFile | null>(null);
  const [presented, setPresented] = useState<PresentedChain | null>(null);
  const action = useAction<'pick' | 'fetch'>();
  const busy = action.running;
  const { caPem, endpoint } = form.getValues();
  const pickRef = useKeepFocus<HTMLButtonElement>(busy === 'pick');
  const fetchRef = useKeepFocus<HTMLButtonElement>(busy === 'fetch');

  const pick = () =>
    action.run(async () => {
      const result = await client.pickCertificateFile();
      if (result.canceled) return;
      setFile(result);
      setPresented(null);
      form.setFieldValue('caPem', result.pem);
    }, 'pick');

  const fetchChain = () =>
    action.run(async () => {
      setPresented(await client.fetchPresentedChain({ endpoint, ...(caPem ? { caPem } : {}) }));
    }, 'fetch');

  const trust = (chain: PresentedChain, index: number) => {
    const certificate = chain.chain[index];
    if (!certificate) return;
    form.setFieldValue('caPem', certificate.pem);
    setFile({ fileName: 'Trusted from the server', format: 'pem', certificates: [certificate], pem: certificate.pem, warnings: [] });
    setPresented(null);
  };

  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        CA certificate
      </Text>
      <Text size="xs" c="dimmed">
        PEM, DER or PKCS#7 (.pem .crt .cer .der .p7b). It is trusted together with this workstation’s CAs and sent to Palette.
      </Text>
      <Group gap="xs">
        <Button
          ref={pickRef}
          variant="default"
          size="xs"
          leftSection={<IconUpload size={14} aria-hidden />}
          onClick={() => void pick()}
          loading={busy === 'pick'}
        >
          Upload file
        </Button>
        <Button
          ref={fetchRef}
          variant="subtle"
          size="xs"
          onClick={() => void fetchChain()}
          loading={busy === 'fetch'}
          disabled={endpoint.trim() === ''}
        >
          Show the server’s certificate
        </Button>
        {caPem && (
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              form.setFieldValue('caPem', '');
              setFile(null);
            }}
          >
            Remove CA certificate
          </Button>
        )}
      </Group>
      <ProblemAlert problem={action.problem} />
      {file && caPem && (
        <Stack gap={6} aria-label={`CA certificate file ${file.fileName}`}>
          <Text size="xs" c="dimmed">
            {file.fileName}
          </Text>
          {file.certificates.map((certificate) => (
            <CertificateCard
              key={certificate.fingerprintSha256}
              certificate={certificate}
              warnings={file.warnings.filter((w) => !w.fingerprintSha256 || w.fingerprintSha256 === certificate.fingerprintSha256)}
            />
          ))}
        </Stack>
      )}
      {caPem && (
        <Switch
          label="Trust only this CA"
          description="Ignore this workstation's own CAs for this registry."
          {...form.getInputProps('trustOnlySuppliedCa', { type: 'checkbox' })}
        />
      )}
      {presented && <PresentedChainView chain={presented} onTrust={trust} />}
    </Stack>
  );
}

function PresentedChainView({ chain, onTrust }: { chain: PresentedChain; onTrust: (chain: PresentedChain, index: number) => void }) {
  const offer = chain.trustOffer;
  return (
    <Stack gap={6} aria-label="Certificates the server presents">
      <Text size="sm">
        {chain.endpoint} presents {chain.chain.length} certificate{chain.chain.length > 1 ? 's' : ''}
        {chain.verified ? ', trusted by this workstation.' : '.'}
      </Text>
      {chain.problem && <Text size="xs">{chain.problem.message}</Text>}
      {chain.caMatch && chain.caMatch.issuedByCa !== true && <Text size="xs">{chain.caMatch.message}</Text>}
      {chain.chain.map((certificate, index) => (
        <CertificateCard
          key={certificate.fingerprintSha256}
          certificate={certificate}
          action={
            offer.available && offer.index === index ? (
              <Button size="xs" mt={4} onClick={() => onTrust(chain, index)}>
                Trust this certificate authority
              </Button>
            ) : undefined
          }
        />
      ))}
      {offer.available ? (
        <Text size="xs" c="dimmed">
          Compare the SHA-256 fingerprint with the one your PKI team publishes before you trust it.
        </Text>
      ) : (
        <Text size="xs" c="dimmed">
          {offer.reason}
        </Text>
      )}
    </Stack>
  );
}
