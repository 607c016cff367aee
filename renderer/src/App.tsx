import { AppShell, Group, MantineProvider, Title } from '@mantine/core';
import { cssVariablesResolver, theme } from './theme';
import { RegistriesPage } from './features/registries/RegistriesPage/RegistriesPage';
import { SecureStorageBadge } from './components/SecureStorageBadge/SecureStorageBadge';

export function App() {
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
          <RegistriesPage />
        </AppShell.Main>
      </AppShell>
    </MantineProvider>
  );
}
