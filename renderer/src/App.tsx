import { AppShell, Group, MantineProvider, Title } from '@mantine/core';
import { useState } from 'react';
import type { RegistryScope } from '../../shared/model/registry';
import { cssVariablesResolver, theme } from './theme';
import { RegistriesPage } from './features/registries/RegistriesPage/RegistriesPage';
import { AddRegistryWizard } from './features/wizard/AddRegistryWizard/AddRegistryWizard';
import { SecureStorageBadge } from './components/SecureStorageBadge/SecureStorageBadge';

type View =
  | { name: 'list'; scope: RegistryScope }
  | { name: 'add'; scope: RegistryScope; takenNames: ReadonlyMap<RegistryScope, ReadonlySet<string>> }
  | { name: 'edit'; id: string; scope: RegistryScope; takenNames: ReadonlyMap<RegistryScope, ReadonlySet<string>> };

export function App() {
  const [view, setView] = useState<View>({ name: 'list', scope: 'system' });
  return (
    // "auto" follows the operating system's light or dark setting.
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <AppShell header={{ height: 56 }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="lg" justify="space-between">
            <Title order={1} size="h4">
              Pack Registry Desk
            </Title>
            <SecureStorageBadge />
          </Group>
        </AppShell.Header>
        <AppShell.Main>
          {view.name === 'list' ? (
            <RegistriesPage
              initialScope={view.scope}
              onAdd={(scope, takenNames) => setView({ name: 'add', scope, takenNames })}
              onEdit={(id, scope, takenNames) => setView({ name: 'edit', id, scope, takenNames })}
            />
          ) : (
            <AddRegistryWizard
              key={view.name === 'edit' ? view.id : 'add'}
              scope={view.scope}
              takenNames={view.takenNames}
              registryId={view.name === 'edit' ? view.id : undefined}
              onDone={() => setView({ name: 'list', scope: view.scope })}
            />
          )}
        </AppShell.Main>
      </AppShell>
    </MantineProvider>
  );
}
