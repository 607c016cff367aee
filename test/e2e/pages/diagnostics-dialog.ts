import type { Locator, Page } from 'playwright-core';

/** Help → Export diagnostics… and its dialog, by role and label. */
export class DiagnosticsDialog {
  constructor(readonly page: Page) {}

  helpButton(): Locator {
    return this.page.getByRole('button', { name: 'Help', exact: true });
  }

  menuItem(): Locator {
    return this.page.getByRole('menuitem', { name: 'Export diagnostics…', exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export diagnostics' });
  }

  /** Opens the dialog from the header's Help menu. */
  async open(): Promise<Locator> {
    await this.helpButton().click();
    await this.menuItem().click();
    const dialog = this.dialog();
    await dialog.waitFor();
    return dialog;
  }

  preview(): Locator {
    return this.dialog().getByRole('region', { name: /^Preview of regdesk-diagnostics-/ });
  }

  /** The preview's text, exactly as rendered. */
  async previewText(): Promise<string> {
    const code = this.dialog().getByTestId('diagnostics-preview');
    await code.waitFor();
    return code.evaluate((element: { textContent: string | null }) => element.textContent ?? '');
  }

  redactionsByKind(): Locator {
    return this.dialog().getByRole('list', { name: 'Redactions by kind' });
  }

  saveStatus(): Locator {
    return this.dialog().getByRole('status');
  }

  button(name: 'Save…' | 'Close' | 'Refresh'): Locator {
    return this.dialog().getByRole('button', { name, exact: true });
  }
}
