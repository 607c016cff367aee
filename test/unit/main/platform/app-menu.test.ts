import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate } from '../../../../main/platform/app-menu';

/** Every role in a template, submenus included. */
function roles(template: readonly MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])]);
}

describe('the application menu', () => {
  it('in development Electron’s default menu stays (reload and developer tools)', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(applicationMenuTemplate(platform, false)).toBeUndefined();
  });

  it('a macOS release has the app, Edit and Window menus only: no reload, no developer tools, no View menu', () => {
    const template = applicationMenuTemplate('darwin', true);
    expect(template).not.toBeNull();
    expect(roles(template ?? [])).toEqual(['appMenu', 'editMenu', 'windowMenu']);
  });

  it('a Windows or Linux release has no menu bar at all', () => {
    expect(applicationMenuTemplate('linux', true)).toBeNull();
    expect(applicationMenuTemplate('win32', true)).toBeNull();
  });
});
