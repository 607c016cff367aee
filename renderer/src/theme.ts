import { Alert, createTheme, Input, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // White on indigo-6 is 4.3:1, under WCAG AA for button text; one shade darker passes.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace',
  components: {
    // Coloured titles on the pale "light" alert backgrounds miss WCAG AA (green-6 on green-0 is
    // about 2.5:1): the icon and background carry the colour, the title keeps the text colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    // In the error state Mantine paints the typed text and the placeholder in the error colour, which
    // then reads as part of the message (and a red placeholder as a value). The red border and the
    // message below mark the field; the text keeps its own colours.
    Input: Input.extend({
      styles: {
        wrapper: { '--input-color': 'var(--mantine-color-text)', '--input-placeholder-color': 'var(--mantine-color-placeholder)' },
      },
    }),
  },
});

/**
 * Mantine's default error red (red-6 light, red-8 dark) is 3.3:1 and 3.4:1 against the page, under
 * WCAG AA's 4.5:1 for the small text of field messages: red-9 on white and red-4 on dark-7 pass.
 *
 * Mantine's default "dimmed" grey is below the WCAG AA contrast ratio (4.5:1) for small text in
 * both schemes; axe flags it. One shade further from the background passes comfortably.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', '--mantine-color-error': 'var(--mantine-color-red-4)' },
});
