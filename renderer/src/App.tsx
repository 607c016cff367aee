import { AppShell, Group, Loader, MantineProvider, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { RegistryScope } from '../../shared/model/registry';
import { cssVariablesResolver, theme } from './theme';
import { RegistriesPage } from './features/registries/RegistriesPage/RegistriesPage';
import { SecureStorageBadge } from './components/SecureStorageBadge/SecureStorageBadge';
import { HelpMenu } from './features/diagnostics/HelpMenu/HelpMenu';
import { SettingsButton } from './features/settings/SettingsButton';

// The wizard (its forms, zod schemas and fields) loads when first opened, not before the list can draw.
const AddRegistryWizard = lazy(() =>
  import('./features/wizard/AddRegistryWizard/AddRegistryWizard').then((m) => ({ default: m.AddRegistryWizard })),
);

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
            <Group gap="sm">
              <SecureStorageBadge />
              <SettingsButton />
              <HelpMenu />
            </Group>
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
            <Suspense fallback={<Loader aria-label="Opening the form" />}>
              <AddRegistryWizard
                key={view.name === 'edit' ? view.id : 'add'}
                scope={view.scope}
                takenNames={view.takenNames}
                registryId={view.name === 'edit' ? view.id : undefined}
                onDone={() => setView({ name: 'list', scope: view.scope })}
              />
            </Suspense>
          )}
        </AppShell.Main>
      </AppShell>
    </MantineProvider>
  );
}
