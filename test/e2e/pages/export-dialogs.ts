import type { Locator, Page } from 'playwright-core';

/** The Export, Import drafts and Publish to Palette dialogs, by role and label. */
export class ExportDialogs {
  constructor(readonly page: Page) {}

  // Export
  exportDialog(label: string): Locator {
    return this.page.getByRole('dialog', { name: `Export ${label}` });
  }

  exportAllButton(): Locator {
    return this.page.getByRole('button', { name: 'Export all…', exact: true });
  }

  format(dialog: Locator, name: 'Palette API' | 'Terraform' | 'Draft file'): Locator {
    return dialog.getByRole('radio', { name });
  }

  includeSecrets(dialog: Locator): Locator {
    return dialog.getByRole('checkbox', { name: 'Include secrets' });
  }

  secretsWarning(dialog: Locator): Locator {
    return dialog.getByRole('alert').filter({ hasText: 'Secrets will be written in clear text' });
  }

  /** The preview's text, exactly as rendered. */
  async previewText(dialog: Locator): Promise<string> {
    const code = dialog.getByTestId('export-preview');
    await code.waitFor();
    return code.evaluate((element: { textContent: string | null }) => element.textContent ?? '');
  }

  saveStatus(dialog: Locator): Locator {
    return dialog.getByRole('status');
  }

  // Import
  importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import drafts…', exact: true });
  }

  importDialog(fileName: string | RegExp = /^Import /): Locator {
    return this.page.getByRole('dialog', { name: typeof fileName === 'string' ? `Import ${fileName}` : fileName });
  }

  importErrors(dialog: Locator): Locator {
    return dialog.getByRole('list', { name: 'Problems in the file' });
  }

  terraformScopeWarning(dialog: Locator): Locator {
    return dialog.getByRole('alert').filter({ hasText: 'Terraform makes system registries tenant-level' });
  }

  /** The one choice for every clash ("apply to all"). */
  conflictChoiceForAll(dialog: Locator, label: RegExp): Locator {
    return dialog
      .getByRole('radiogroup', { name: /registr(y has the name|ies have the names) of (a )?stored ones?/ })
      .getByRole('radio', { name: label });
  }

  /** The choice for one clash, a select in its row. */
  conflictChoice(dialog: Locator, scope: string, name: string): Locator {
    return dialog.getByRole('combobox', { name: `Choice for “${name}” (${scope})` });
  }

  renameField(dialog: Locator, name: string): Locator {
    return dialog.getByRole('textbox', { name: `New name for “${name}”` });
  }

  importResult(dialog: Locator): Locator {
    return dialog.getByRole('status', { name: 'Import result' });
  }

  // Publish
  publishDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Publish “${name}” to Palette` });
  }

  field(
    dialog: Locator,
    label: 'Palette API URL' | 'API key' | 'Authorization token' | 'System console username' | 'System console password',
  ): Locator {
    // Required fields' labels end in an asterisk.
    return dialog.getByLabel(new RegExp(`^${label}( \\*)?$`));
  }

  publishOutcome(dialog: Locator): Locator {
    return dialog
      .getByRole('status')
      .or(dialog.getByRole('alert'))
      .filter({ hasText: /Palette/ });
  }

  /** The sync status the publish dialog follows: Palette's own word for it is in its text. */
  syncStatus(dialog: Locator): Locator {
    return dialog.getByRole('status').filter({ hasText: 'Palette says:' });
  }

  // Palette view
  paletteView(): Locator {
    return this.page.getByRole('dialog', { name: 'Palette beside this workstation' });
  }

  paletteRow(dialog: Locator, name: string): Locator {
    return dialog
      .getByRole('table', { name: 'Palette beside local registries' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  button(dialog: Locator, name: string): Locator {
    return dialog.getByRole('button', { name, exact: true });
  }
}
