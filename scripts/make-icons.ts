/**
 * `npx tsx scripts/make-icons.ts`: renders build/icon.svg with the real Chromium into the icon files
 * electron-builder packages (docs/packaging.md):
 *   build/icon.png   512×512, Linux (the largest size the hicolor icon theme has a folder for)
 *   build/icon.ico   Windows: PNG images of 16…256 px
 *   build/icon.icns  macOS: PNG images of 32…1024 px, on Apple's icon grid
 * Each size is rasterised from the vector, not scaled down from a big bitmap. ICO and ICNS may both
 * carry PNG images, so they are written here in plain code instead of with a converter package.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/e2e/browser';

const BUILD_DIR = resolve('build');
const LINUX_SIZE = 512;
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS types that hold PNG data, with their pixel size (`@2x` types hold twice the points). */
const ICNS_TYPES: ReadonlyArray<readonly [type: string, pixels: number]> = [
  ['ic11', 32], // 16 pt @2x
  ['ic12', 64], // 32 pt @2x
  ['ic07', 128],
  ['ic13', 256], // 128 pt @2x
  ['ic08', 256],
  ['ic14', 512], // 256 pt @2x
  ['ic09', 512],
  ['ic10', 1024], // 512 pt @2x
];

/**
 * Windows and Linux draw the tile edge to edge. macOS icons sit on Apple's grid instead: an
 * 824-pt tile centred on a 1024-pt canvas, with a soft shadow, so the Dock shows them at the same
 * visual size as Apple's own.
 */
type Layout = 'full-bleed' | 'macos';

async function render(browser: Browser, svg: string, size: number, layout: Layout): Promise<Buffer> {
  const padding = layout === 'macos' ? Math.round((size * 100) / 1024) : 0;
  const shadow = layout === 'macos' ? `filter: drop-shadow(0 ${size / 100}px ${size / 50}px rgba(0, 0, 0, 0.3));` : '';
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const context = await browser.newContext({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img alt="" src="${source}" style="display:block;box-sizing:border-box;width:${size}px;height:${size}px;padding:${padding}px;${shadow}">` +
        `</body></html>`,
    );
    // Wait until the SVG is decoded, or the screenshot may catch an empty image.
    await page.locator('img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
    return await page.screenshot({ type: 'png', omitBackground: true });
  } finally {
    await context.close();
  }
}

/** ICO: a 6-byte header, one 16-byte directory entry per image, then the images (PNG here). */
function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + images.length * 16;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** ICNS: 'icns' and the total length (big-endian), then blocks of type, block length, data. */
function encodeIcns(images: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const blocks = images.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(blocks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

async function main(): Promise<void> {
  const svg = readFileSync(resolve(BUILD_DIR, 'icon.svg'), 'utf8');
  const browser = await launchChromium();
  try {
    const cache = new Map<string, Buffer>();
    const png = async (size: number, layout: Layout): Promise<Buffer> => {
      const key = `${layout}@${size}`;
      const cached = cache.get(key) ?? (await render(browser, svg, size, layout));
      cache.set(key, cached);
      return cached;
    };

    writeFileSync(resolve(BUILD_DIR, 'icon.png'), await png(LINUX_SIZE, 'full-bleed'));

    const icoImages = [];
    for (const size of ICO_SIZES) icoImages.push({ size, png: await png(size, 'full-bleed') });
    writeFileSync(resolve(BUILD_DIR, 'icon.ico'), encodeIco(icoImages));

    const icnsImages = [];
    for (const [type, size] of ICNS_TYPES) icnsImages.push({ type, png: await png(size, 'macos') });
    writeFileSync(resolve(BUILD_DIR, 'icon.icns'), encodeIcns(icnsImages));
  } finally {
    await browser.close();
  }
  console.log('wrote build/icon.png, build/icon.ico and build/icon.icns from build/icon.svg');
}

await main();
