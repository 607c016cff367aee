import { describe, expect, it } from 'vitest';
import { defaultUserDataDir } from '../../../../main/services/app-paths';

// Must equal Electron's app.getPath('userData') for productName "Pack Registry Desk",
// or the command line and the desktop app would keep two different stores.
describe('defaultUserDataDir', () => {
  it('follows XDG on Linux', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Pack Registry Desk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/Pack Registry Desk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '' }, '/home/ada')).toBe('/home/ada/.config/Pack Registry Desk');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultUserDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Pack Registry Desk');
  });

  it('uses APPDATA on Windows', () => {
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toContain('Pack Registry Desk');
  });
});
