import type { Locator, Page } from 'playwright-core';

/** The Add New Pack Registry screen, addressed by role and accessible name. */
export class WizardPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Add New Pack Registry' });
  }

  field(
    name: 'Name' | 'Endpoint' | 'Base Content Path' | 'Username' | 'Access Key' | 'ARN' | 'External ID' | 'Palette’s AWS account ID',
  ): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  password(): Locator {
    return this.page.getByLabel('Password', { exact: true });
  }

  tab(name: 'Basic' | 'ECR'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  scope(name: 'System' | 'Tenant'): Locator {
    return this.page.getByText(name, { exact: true });
  }

  button(
    name:
      | 'Validate'
      | 'Cancel'
      | 'Confirm'
      | 'Save as draft'
      | 'Upload file'
      | 'Show the server’s certificate'
      | 'Trust this certificate authority'
      | 'Pack Registries',
  ): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  insecureSkipVerify(): Locator {
    return this.page.getByRole('switch', { name: 'Insecure Skip TLS Verify' });
  }

  validated(): Locator {
    return this.page.getByText('Credentials validated');
  }

  /** Passed, but a step warned: the banner, with the list of warnings. */
  validatedWithWarnings(): Locator {
    return this.page
      .getByRole('region', { name: 'Validation' })
      .getByRole('alert')
      .filter({ hasText: /^Validated with warnings/ });
  }

  /** The verdict: "Credentials validated", "Validated with warnings" and each warning, or "<step>: <sentence>" with the remedy. */
  verdict(): Locator {
    return this.page.getByRole('region', { name: 'Validation' }).getByRole('alert');
  }

  /** The title over a result computed for values the form no longer holds: "Result for … — … has changed since". */
  outdatedResult(): Locator {
    return this.page.getByRole('region', { name: 'Validation' }).getByRole('heading', { name: /^Result for / });
  }

  step(title: string): Locator {
    return this.page.getByRole('listitem', { name: new RegExp(`^${title.replace(/[()/]/g, '\\$&')}: `) });
  }

  certificateCards(): Locator {
    return this.page.getByRole('article', { name: /^Certificate / });
  }

  trustPolicy(): Locator {
    return this.page.getByLabel('Trust policy JSON');
  }

  async fillBasic(values: {
    name: string;
    endpoint: string;
    username?: string;
    password?: string;
    baseContentPath?: string;
  }): Promise<void> {
    await this.field('Name').fill(values.name);
    await this.field('Endpoint').fill(values.endpoint);
    if (values.baseContentPath !== undefined) await this.field('Base Content Path').fill(values.baseContentPath);
    if (values.username !== undefined) await this.field('Username').fill(values.username);
    if (values.password !== undefined) await this.password().fill(values.password);
  }

  /** Runs a validation and resolves when its verdict is on screen. */
  async validate(): Promise<'validated' | 'warnings' | 'failed'> {
    await this.button('Validate').click();
    await this.verdict().waitFor();
    if ((await this.validated().count()) > 0) return 'validated';
    return (await this.validatedWithWarnings().count()) > 0 ? 'warnings' : 'failed';
  }

  async verdictText(): Promise<string> {
    return (await this.verdict().innerText()).replace(/\s+/g, ' ').trim();
  }
}
