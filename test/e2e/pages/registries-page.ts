import type { Locator, Page } from 'playwright-core';

/** Rows per page of the table (renderer RegistriesTable's PAGE_SIZE; the renderer cannot be imported here). */
export const PAGE_SIZE = 50;

/** The part of a DOM node a text walk needs: the test tsconfig has no DOM library. */
type TextTree = { nodeType: number; textContent: string | null; childNodes: { forEach(visit: (child: TextTree) => void): void } };

export type RowActionName = 'Validate again' | 'Edit' | 'Duplicate' | 'Export…' | 'Publish to Palette…' | 'Delete…';

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

  /**
   * The cells after the row header: type, endpoint, base content path, validation, TLS, actions
   * (the selection checkbox before the header is left out). Their text nodes joined by spaces:
   * innerText would return badges upper-cased by their CSS.
   */
  async cells(name: string): Promise<string[]> {
    return this.row(name)
      .locator('td:not([data-select])')
      .evaluateAll((cells: TextTree[]) =>
        cells.map((cell) => {
          const parts: string[] = [];
          const visit = (node: TextTree) => {
            if (node.nodeType === 3) parts.push((node.textContent ?? '').trim());
            node.childNodes.forEach(visit);
          };
          visit(cell);
          return parts.filter(Boolean).join(' ');
        }),
      );
  }

  /**
   * Resolves once no transition or finite animation runs, e.g. before axe measures colours in a
   * fading dialog. Endless ones (a spinner) are not waited for.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => {
      type Animation = { playState: string; effect: { getTiming(): { iterations?: number } } | null };
      const { document } = globalThis as unknown as { document: { getAnimations(): Animation[] } };
      return document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
    });
  }

  /** Whether the element has the keyboard focus. */
  async hasFocus(locator: Locator): Promise<boolean> {
    return locator.evaluate((element: { matches(selector: string): boolean }) => element.matches(':focus'));
  }

  searchField(): Locator {
    return this.page.getByRole('textbox', { name: 'Search registries' });
  }

  /** "3 of 10 system registries match", shown while a search is active. */
  matchCount(): Locator {
    return this.page.getByRole('status').filter({ hasText: / registries match$/ });
  }

  noMatch(scope: 'system' | 'tenant'): Locator {
    return this.page.getByText(new RegExp(`^No ${scope} registries match “`));
  }

  /** "1–50 of 1,000" beside the page buttons. */
  pageRange(): Locator {
    return this.page.getByRole('navigation').getByText(/^[\d,]+–[\d,]+ of [\d,]+$/);
  }

  pageButton(name: 'Previous page' | 'Next page' | `Page ${number}`): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name, exact: true });
  }

  button(name: 'Clear search' | 'Dismiss'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  actionsButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Actions for ${name}`, exact: true });
  }

  menuItem(name: RowActionName): Locator {
    return this.page.getByRole('menuitem', { name, exact: true });
  }

  /** Opens the row's actions menu and picks one, as a mouse user would. */
  async chooseAction(name: string, action: RowActionName): Promise<void> {
    await this.actionsButton(name).click();
    await this.menuItem(action).click();
  }

  deleteDialog(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete “${name}”?` });
  }

  dialogButton(dialog: Locator, name: 'Cancel' | 'Delete registry' | `Delete ${number} registries`): Locator {
    return dialog.getByRole('button', { name, exact: true });
  }

  /** The step a running validation has reached, in its row ("TLS (4 of 8)"). */
  validationProgress(name: string): Locator {
    return this.row(name).getByRole('status');
  }

  cancelValidation(name: string): Locator {
    return this.page.getByRole('button', { name: `Cancel validation of ${name}`, exact: true });
  }

  failureDetailsButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Failure details for ${name}`, exact: true });
  }

  failureDetails(name: string): Locator {
    return this.page.getByRole('dialog', { name: `Why ${name} failed` });
  }

  /** What the last duplicate or delete did, above the table. */
  feedback(): Locator {
    return this.page.getByRole('status').filter({ has: this.page.getByRole('button', { name: 'Dismiss' }) });
  }

  /** A column's sort button ("Name", "Type", "Endpoint", "Validation", "Last validated"). */
  sortButton(name: 'Name' | 'Type' | 'Endpoint' | 'Validation' | 'Last validated'): Locator {
    return this.page.getByRole('columnheader').getByRole('button', { name, exact: true });
  }

  /** The header holding a sort button, where aria-sort says how the table is sorted. */
  sortedHeader(name: 'Name' | 'Type' | 'Endpoint' | 'Validation' | 'Last validated'): Locator {
    return this.page.getByRole('columnheader').filter({ has: this.page.getByRole('button', { name, exact: true }) });
  }

  /** The list's filters, as native selects: choose with `selectOption({ label })`. */
  filter(name: 'Validation' | 'Type' | 'TLS'): Locator {
    return this.page.getByRole('search').getByRole('combobox', { name, exact: true });
  }

  rowCheckbox(name: string): Locator {
    return this.page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
  }

  selectAllCheckbox(): Locator {
    return this.page.getByRole('checkbox', { name: /^Select all [\d,]+ registries shown$/ });
  }

  bulkButton(name: 'Validate selected' | 'Export selected…' | 'Delete selected…' | 'Clear selection' | RegExp): Locator {
    return this.page.getByRole('group', { name: 'Bulk actions' }).getByRole('button', { name });
  }

  /** "Validate all stale or never validated (N)". */
  validateAllStaleButton(): Locator {
    return this.bulkButton(/^Validate all stale or never validated \([\d,]+\)$/);
  }

  bulkDeleteDialog(count: number): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${count} ${count === 1 ? 'registry' : 'registries'}?` });
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
