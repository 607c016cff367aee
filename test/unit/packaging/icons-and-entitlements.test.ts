import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Configuration } from 'app-builder-lib';
import { parse as parsePlist } from 'plist';
import { beforeAll, describe, expect, it } from 'vitest';
import { effectiveConfig, RELEASE_CONFIG } from './builder-config';
import { readIcns, readIco, readPng } from './icon-files';

/**
 * The XML parser under plist, loaded without its type declarations: they pull the DOM library into
 * the whole Node type-check. Only the calls made here are typed.
 */
interface XmlDocument {
  readonly documentElement: { readonly nodeName: string } | null;
  readonly doctype: { readonly publicId: string } | null;
}
type XmlParser = new (options: { errorHandler: Record<'warning' | 'error' | 'fatalError', (message: string) => void> }) => {
  parseFromString(xml: string, mimeType: string): XmlDocument;
};
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as { DOMParser: XmlParser };

let release: Configuration;
beforeAll(async () => {
  release = await effectiveConfig(RELEASE_CONFIG);
});

/** The icon each platform's section names, read from disk. */
function icon(platform: 'linux' | 'mac' | 'win'): Buffer {
  const path = release[platform]?.icon;
  if (typeof path !== 'string') throw new Error(`${platform}.icon is not set in ${RELEASE_CONFIG}`);
  return readFileSync(path);
}

describe('app icons (made by scripts/make-icons.ts from build/icon.svg)', () => {
  it('Linux: a 512×512 RGBA PNG, the largest size the hicolor theme has', () => {
    expect(readPng(icon('linux'))).toEqual({ width: 512, height: 512, colourType: 6 });
  });

  it('Windows: an ICO of 32-bit PNG images from 16 to 256 px', () => {
    const images = readIco(icon('win'));
    expect(images.map((image) => image.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const image of images) {
      expect(image.bitsPerPixel).toBe(32);
      expect(image.png.colourType).toBe(6);
    }
  });

  it('macOS: an ICNS whose PNG blocks match their types’ sizes, up to 1024 px', () => {
    const pixelsByType: Record<string, number> = {
      ic11: 32,
      ic12: 64,
      ic07: 128,
      ic13: 256,
      ic08: 256,
      ic14: 512,
      ic09: 512,
      ic10: 1024,
    };
    const blocks = readIcns(icon('mac'));
    expect(blocks.map((block) => block.type).sort()).toEqual(Object.keys(pixelsByType).sort());
    for (const block of blocks) {
      expect({ type: block.type, width: block.png.width, height: block.png.height }).toEqual({
        type: block.type,
        width: pixelsByType[block.type],
        height: pixelsByType[block.type],
      });
    }
  });

  it('the readers reject damaged files', () => {
    const png = icon('linux');
    const flipped = Buffer.from(png);
    flipped[40] = (flipped[40] ?? 0) ^ 0xff; // inside the first chunk after IHDR
    expect(() => readPng(flipped)).toThrow(/bad CRC/);
    expect(() => readPng(png.subarray(0, png.length - 12))).toThrow(/IEND/);

    const icns = Buffer.from(icon('mac'));
    icns.writeUInt32BE(icns.length + 1, 4);
    expect(() => readIcns(icns)).toThrow(/file length/);

    const ico = Buffer.from(icon('win'));
    ico.writeUInt8(32, 6); // the 16 px entry now claims 32 px
    ico.writeUInt8(32, 7);
    expect(() => readIco(ico)).toThrow(/says 32/);
  });
});

describe('macOS entitlements', () => {
  const file = (): string => {
    const path = release.mac?.entitlements;
    if (!path) throw new Error('mac.entitlements is not set');
    return path;
  };

  it('are one well-formed property list, used for the app and its helpers', () => {
    expect(release.mac?.entitlementsInherit).toBe(file());
    const problems: string[] = [];
    const collect = (message: string): void => void problems.push(message);
    const doc = new DOMParser({ errorHandler: { warning: collect, error: collect, fatalError: collect } }).parseFromString(
      readFileSync(file(), 'utf8'),
      'text/xml',
    );
    expect(problems).toEqual([]);
    expect(doc.documentElement?.nodeName).toBe('plist');
    expect(doc.doctype?.publicId).toContain('-//Apple//DTD PLIST 1.0//EN');
  });

  // Electron under the hardened runtime needs allow-jit (V8); everything else widens the attack
  // surface: allow-unsigned-executable-memory was needed only up to Electron 11.
  it('grant only allow-jit, as the signer (@electron/osx-sign, via plist) reads them', () => {
    expect(parsePlist(readFileSync(file(), 'utf8'))).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });

  it('are signed with the hardened runtime', () => {
    expect(release.mac?.hardenedRuntime).toBe(true);
  });
});
