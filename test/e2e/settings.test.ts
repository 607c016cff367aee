// Settings in the window, end to end. The renderer in Chromium, main's services
// behind the harness, a real proxy (tinyproxy) that records the CONNECT a validation asks of it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWebServer, type RecordingServer } from '../fixtures/hostile-servers';
import { startHttpProxy, type RunningHttpProxy } from '../fixtures/http-proxy';
import { basicRecord, seedStore } from '../fixtures/registry-records';
import { axeViolations } from './axe';
import { useAppSession } from './app-session';
import type { Page } from 'playwright-core';

let proxy: RunningHttpProxy;
let target: RecordingServer;

const app = useAppSession();

beforeAll(async () => {
  [proxy, target] = await Promise.all([startHttpProxy(), startWebServer()]);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await proxy?.stop();
  await target?.close();
});

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const settingsButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true });

describe('Settings', () => {
  it('keeps a proxy and timeouts that the next validation from the window uses', async () => {
    // The environment names no proxy, so only the setting can send the validation through tinyproxy.
    for (const name of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) vi.stubEnv(name, '');
    seedStore(app.dataDir, [basicRecord({ name: 'behind-proxy', endpoint: target.url, baseContentPath: '' })]);
    const { page, registries } = await app.open();

    await settingsButton(page).click();
    const settings = dialog(page);
    await settings.getByTestId('proxy-source').waitFor();
    await registries.settled();
    expect(await axeViolations(page, 'settings dialog')).toEqual([]);
    await settings.getByLabel('Proxy', { exact: true }).fill(proxy.url);
    await settings.getByLabel('Validation deadline (seconds)').fill('45');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.waitFor({ state: 'hidden' });
    expect(app.harness.services.settings.get().network).toEqual({
      proxy: { url: proxy.url, fromEnvironment: true },
      connectTimeoutMs: 10_000,
      deadlineMs: 45_000,
    });

    await registries.chooseAction('behind-proxy', 'Validate again');
    const lastValidation = () => app.harness.services.registries.list()[0]?.lastValidation;
    await expect.poll(lastValidation, { timeout: 60_000 }).toBeDefined();
    expect(await proxy.sawConnect(target.hostPort)).toBe(true);
    expect(JSON.stringify(lastValidation()?.report)).toContain(`through proxy ${proxy.url}`);
  });

  it('refuses values outside the engine schema, field by field, and keeps nothing', async () => {
    // (axe is run on the dialog in both schemes below; field error text contrast is the theme's.)
    const { page } = await app.open();
    await settingsButton(page).click();
    const settings = dialog(page);
    await settings.getByLabel('Proxy', { exact: true }).fill('http://robot:hunter2@proxy.example:3128');
    await settings.getByLabel('Connect timeout (seconds)').fill('301');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('A proxy user or password is not kept here').waitFor();
    await settings.getByText('Enter seconds from 0.1 to 300.').waitFor();
    expect(app.harness.services.settings.get().network).toBeUndefined();
  });

  it('says when the proxy comes from the environment, without its password; keyboard only, axe-clean in the dark scheme', async () => {
    vi.stubEnv('HTTPS_PROXY', 'http://envuser:env-secret-pw@env-proxy.example:3128');
    const { page, registries } = await app.open({ colorScheme: 'dark' });
    await settingsButton(page).focus();
    await page.keyboard.press('Enter');
    const settings = dialog(page);
    const source = settings.getByTestId('proxy-source');
    await settings.waitFor();
    await expect.poll(() => source.innerText()).toBe('From the environment: HTTPS_PROXY=http://env-proxy.example:3128.');
    expect(await settings.innerText()).not.toContain('env-secret-pw');
    await registries.settled();
    expect(await axeViolations(page, 'settings dialog (dark)')).toEqual([]);

    // Focus starts in the dialog; type a proxy of its own, which then overrides the environment.
    await settings.getByLabel('Proxy', { exact: true }).focus();
    await page.keyboard.type('http://corp-proxy.example:8080');
    await expect.poll(() => source.innerText()).toMatch(/^This proxy is used; it overrides the environment \(HTTPS_PROXY=/);
    await page.keyboard.press('Enter');
    await settings.waitFor({ state: 'hidden' });
    expect(app.harness.services.settings.get().network?.proxy.url).toBe('http://corp-proxy.example:8080');
    // Back where the admin started, so the keyboard carries on from the header.
    await expect
      .poll(() => settingsButton(page).evaluate((button: { matches(selector: string): boolean }) => button.matches(':focus')))
      .toBe(true);
  });
});
