import type { Locator, Page } from 'playwright-core';

/** The Pack Registries screen, addressed by role and label as a user (or a screen reader) finds it. */
export class RegistriesPage {
  constructor(readonly page: Page) {}

  /** Resolves once the app has loaded its first data (the readiness marker, not a timer). */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('html[data-regdesk-ready="true"]').waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Pack Registries', level: 2 });
  }

  addButton(): Locator {
    return this.page.getByRole('button', { name: 'Add New Pack Registry' });
  }

  scopeTab(scope: 'System' | 'Tenant'): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${scope} \\(\\d+\\)$`) });
  }

  async openScope(scope: 'System' | 'Tenant'): Promise<void> {
    await this.scopeTab(scope).click();
  }

  emptyState(scope: 'system' | 'tenant'): Locator {
    return this.page.getByText(`No ${scope} pack registries yet`);
  }

  table(scope: 'System' | 'Tenant'): Locator {
    return this.page.getByRole('table', { name: `${scope} pack registries` });
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  secureStorageBadge(): Locator {
    return this.page.getByText(/^Secrets: /);
  }

  /** A storage notice or the secret-storage status, by its title. */
  storageAlert(title: string | RegExp): Locator {
    return this.page.getByRole('alert').or(this.page.getByRole('status')).filter({ hasText: title });
  }

  /** Where a damaged store file was kept, as the alert shows it. */
  backupPath(): Locator {
    return this.page.getByText(/\.unreadable-[^/\\]+\.json$/);
  }
}
