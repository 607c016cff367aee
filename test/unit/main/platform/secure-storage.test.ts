import { describe, expect, it } from 'vitest';
import { electronSecureStorageStatus, type SafeStorageProbe } from '../../../../main/platform/secure-storage';

type Backend = ReturnType<SafeStorageProbe['getSelectedStorageBackend']>;

/**
 * Stands in for Electron's safeStorage on Linux: the ciphertext starts with the tag of the key
 * provider that encrypted it, as Chromium's os_crypt_async Encryptor writes it ("v11" Secret
 * Service / KWallet, "v10" the built-in fallback key).
 */
function safeStorage(options: { available?: boolean; tag?: string; backend: Backend; encryptFails?: boolean }): SafeStorageProbe {
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (plain: string) => {
      if (options.encryptFails) throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
      return Buffer.concat([Buffer.from(options.tag ?? 'v11', 'latin1'), Buffer.from(plain).reverse()]);
    },
    getSelectedStorageBackend: () => options.backend,
  };
}

describe('the Linux keychain verdict comes from what actually encrypts', () => {
  it('GNOME named, but no Secret Service answered (fallback key "v10"): not a keychain', async () => {
    const status = await electronSecureStorageStatus(safeStorage({ backend: 'gnome_libsecret', tag: 'v10' }), 'linux');
    expect(status).toMatchObject({ available: true, persistent: false, backend: 'built_in_key' });
    expect(status.description).toContain('gnome_libsecret keyring did not answer');
    expect(status.description).not.toMatch(/encrypted with the desktop keyring/i);
  });

  it('sway or i3 (sync backend basic_text) with a keyring that answers ("v11"): a keychain, saving allowed', async () => {
    const status = await electronSecureStorageStatus(safeStorage({ backend: 'basic_text', tag: 'v11' }), 'linux');
    expect(status).toMatchObject({ available: true, persistent: true, backend: 'desktop_keyring' });
  });

  it('basic_text and the fallback key: no keychain, said as such', async () => {
    const status = await electronSecureStorageStatus(safeStorage({ backend: 'basic_text', tag: 'v10' }), 'linux');
    expect(status).toMatchObject({ persistent: false });
    expect(status.description).toContain('no keyring was found');
  });

  it('a tag it does not know: cannot be verified, so not counted as a keychain, and worded so', async () => {
    const status = await electronSecureStorageStatus(safeStorage({ backend: 'kwallet6', tag: 'v12' }), 'linux');
    expect(status).toMatchObject({ available: true, persistent: false, backend: 'unrecognised' });
    expect(status.description).toContain('cannot confirm');
  });

  it('encryption unavailable, or failing when tried: unavailable', async () => {
    expect(await electronSecureStorageStatus(safeStorage({ backend: 'unknown', available: false }), 'linux')).toMatchObject({
      available: false,
      persistent: false,
    });
    expect(await electronSecureStorageStatus(safeStorage({ backend: 'gnome_libsecret', encryptFails: true }), 'linux')).toMatchObject({
      available: false,
      persistent: false,
    });
  });

  it('macOS and Windows are not probed: the Keychain and DPAPI are the only providers there', async () => {
    const probe = safeStorage({ backend: 'unknown', tag: 'v10' });
    expect(await electronSecureStorageStatus(probe, 'darwin')).toMatchObject({ persistent: true, backend: 'macos_keychain' });
    expect(await electronSecureStorageStatus(probe, 'win32')).toMatchObject({ persistent: true, backend: 'windows_dpapi' });
  });
});
