import { AppShell, Group, Loader, MantineProvider, Title } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { RegistryScope } from '../../shared/model/registry';
import { cssVariablesResolver, theme } from './theme';
import { RegistriesPage } from './features/registries/RegistriesPage/RegistriesPage';
import { AppInfoProvider } from './api/app-info';
import { SecureStorageBadge } from './components/SecureStorageBadge/SecureStorageBadge';
import { HelpMenu } from './features/diagnostics/HelpMenu/HelpMenu';
import { SettingsButton } from './features/settings/SettingsButton';
import type { SavedRegistry } from './features/wizard/AddRegistryWizard/save-registry';

// The wizard (its forms, zod schemas and fields) loads when first opened, not before the list can draw.
const AddRegistryWizard = lazy(() =>
  import('./features/wizard/AddRegistryWizard/AddRegistryWizard').then((m) => ({ default: m.AddRegistryWizard })),
);

type View =
  | { name: 'list'; scope: RegistryScope; saved?: SavedRegistry | undefined }
  | { name: 'add'; scope: RegistryScope; takenNames: ReadonlyMap<RegistryScope, ReadonlySet<string>> }
  | { name: 'edit'; id: string; scope: RegistryScope; takenNames: ReadonlyMap<RegistryScope, ReadonlySet<string>> };

export function App() {
  const [view, setView] = useState<View>({ name: 'list', scope: 'system' });
  return (
    // "auto" follows the operating system's light or dark setting.
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <AppInfoProvider>
        {/* Sized for 1024×640, the smallest window supported: the list's first rows are on its first screen. */}
        <AppShell header={{ height: 56 }} padding="md">
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
                justSaved={view.saved}
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
                  // A saved registry is shown where it landed: its scope's tab, its page, its row highlighted.
                  onDone={(saved) => setView({ name: 'list', scope: saved?.scope ?? view.scope, saved })}
                />
              </Suspense>
            )}
          </AppShell.Main>
        </AppShell>
      </AppInfoProvider>
    </MantineProvider>
  );
}
