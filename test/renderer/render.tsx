// Renders a component as the app does: inside MantineProvider with the app's own theme (Mantine's
// templates keep the same helper in test-utils/render.tsx).
import { MantineProvider } from '@mantine/core';
import { render as testingLibraryRender, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { cssVariablesResolver, theme } from '../../renderer/src/theme';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

export function render(ui: ReactElement, options: Omit<RenderOptions, 'wrapper'> = {}) {
  return testingLibraryRender(ui, { wrapper: Providers, ...options });
}
