import { Alert, Button, EmptyState, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPackages, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { RegistryScope, RegistrySummary } from '../../../../../shared/model/registry';
import { RegistriesTable } from '../RegistriesTable/RegistriesTable';
import { StorageAlerts } from '../StorageAlerts/StorageAlerts';
import { useRegistries } from '../use-registries';

const scopeTitle: Record<RegistryScope, string> = { system: 'System', tenant: 'Tenant' };
const scopeHelp: Record<RegistryScope, string> = {
  system: 'System registries are added in the system console and are available to every tenant.',
  tenant: 'Tenant registries are added in Tenant Settings and are visible to one tenant only.',
};

interface Props {
  /** The scope tab to open on, e.g. the one a registry was just added to. */
  initialScope?: RegistryScope;
  onAdd: (scope: RegistryScope, takenNames: ReadonlyMap<RegistryScope, ReadonlySet<string>>) => void;
}

export function RegistriesPage({ initialScope = 'system', onAdd }: Props) {
  const state = useRegistries();
  const [scope, setScope] = useState<RegistryScope>(initialScope);
  useReadinessMarker(state.status !== 'loading');

  return (
    <Stack gap="md" maw={1200}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Pack Registries</Title>
          <Text c="dimmed" size="sm">
            OCI pack registries for Palette, with Basic or AWS ECR authentication.
          </Text>
        </div>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          disabled={state.status !== 'loaded'}
          onClick={() => state.status === 'loaded' && onAdd(scope, takenNames(state.registries))}
        >
          Add New Pack Registry
        </Button>
      </Group>

      <StorageAlerts />
      {state.status === 'loading' && <Loader aria-label="Loading registries" />}
      {state.status === 'failed' && (
        <Alert color="red" title="The registries could not be loaded" role="alert">
          <Text size="sm">{state.error.message}</Text>
          {state.error.remedy && <Text size="sm">{state.error.remedy}</Text>}
        </Alert>
      )}
      {state.status === 'loaded' && (
        <Tabs value={scope} onChange={(value) => value && setScope(value as RegistryScope)}>
          <Tabs.List aria-label="Registry scope">
            {(['system', 'tenant'] as const).map((s) => (
              <Tabs.Tab key={s} value={s}>
                {scopeTitle[s]} ({countIn(state.registries, s)})
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {(['system', 'tenant'] as const).map((s) => (
            <Tabs.Panel key={s} value={s} pt="md">
              <Text size="sm" c="dimmed" mb="sm">
                {scopeHelp[s]}
              </Text>
              <ScopePanel scope={s} registries={state.registries.filter((r) => r.scope === s)} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}

function ScopePanel({ scope, registries }: { scope: RegistryScope; registries: RegistrySummary[] }) {
  if (registries.length === 0) {
    return (
      <EmptyState
        py="xl"
        icon={<IconPackages size={32} aria-hidden />}
        withIndicatorBackground
        title={`No ${scope} pack registries yet`}
        description="Add an OCI registry with Basic or AWS ECR authentication, validate it from this workstation, then export it for Palette."
      />
    );
  }
  return <RegistriesTable registries={registries} caption={`${scopeTitle[scope]} pack registries`} />;
}

/** Lower-cased names per scope: Palette and the store treat names as unique within a scope. */
function takenNames(registries: RegistrySummary[]): Map<RegistryScope, Set<string>> {
  const names = new Map<RegistryScope, Set<string>>([
    ['system', new Set()],
    ['tenant', new Set()],
  ]);
  for (const r of registries) names.get(r.scope)?.add(r.name.trim().toLowerCase());
  return names;
}

function countIn(registries: RegistrySummary[], scope: RegistryScope): number {
  return registries.filter((r) => r.scope === scope).length;
}

/** Tests wait on this attribute rather than on timers. */
function useReadinessMarker(ready: boolean) {
  useEffect(() => {
    if (ready) document.documentElement.dataset['regdeskReady'] = 'true';
  }, [ready]);
}
