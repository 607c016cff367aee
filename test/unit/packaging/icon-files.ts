import { crc32 } from 'node:zlib';

/**
 * Readers for the icon containers in build/, written from the format descriptions (PNG: RFC 2083;
 * ICO: Microsoft's ICONDIR/ICONDIRENTRY; ICNS: Apple's 'icns' header and typed blocks), independent
 * of scripts/make-icons.ts that writes them. Each throws on the first structural error it finds.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngInfo {
  readonly width: number;
  readonly height: number;
  /** 6 = RGBA (truecolour with alpha). */
  readonly colourType: number;
}

/** Checks the signature, every chunk's length and CRC, IHDR first and IEND last. */
export function readPng(png: Buffer): PngInfo {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG: bad signature');
  let offset = 8;
  let info: PngInfo | undefined;
  let last = '';
  while (offset < png.length) {
    if (offset + 12 > png.length) throw new Error(`truncated chunk at ${offset}`);
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > png.length) throw new Error(`chunk ${type} runs past the end`);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in chunk ${type}`);
    if (offset === 8) {
      if (type !== 'IHDR' || length !== 13) throw new Error('first chunk is not IHDR');
      info = { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png.readUInt8(25) };
    }
    last = type;
    offset = end;
  }
  if (!info || last !== 'IEND') throw new Error('no IEND chunk at the end');
  return info;
}

export interface IcoImage {
  /** Pixel size from the directory entry (a stored 0 means 256). */
  readonly size: number;
  readonly bitsPerPixel: number;
  readonly png: PngInfo;
}

/** ICONDIR (reserved 0, type 1, count) then one 16-byte entry per image; images must be PNG here. */
export function readIco(ico: Buffer): IcoImage[] {
  if (ico.length < 6 || ico.readUInt16LE(0) !== 0 || ico.readUInt16LE(2) !== 1) throw new Error('not an ICO header');
  const count = ico.readUInt16LE(4);
  const directoryEnd = 6 + count * 16;
  const images: IcoImage[] = [];
  let expectedOffset = directoryEnd;
  for (let index = 0; index < count; index++) {
    const entry = 6 + index * 16;
    const width = ico.readUInt8(entry) || 256;
    const height = ico.readUInt8(entry + 1) || 256;
    if (width !== height) throw new Error(`entry ${index} is not square`);
    const length = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    if (offset !== expectedOffset || offset + length > ico.length) throw new Error(`entry ${index} points outside its slot`);
    const png = readPng(ico.subarray(offset, offset + length));
    if (png.width !== width || png.height !== height) throw new Error(`entry ${index} says ${width} but holds ${png.width}×${png.height}`);
    images.push({ size: width, bitsPerPixel: ico.readUInt16LE(entry + 6), png });
    expectedOffset = offset + length;
  }
  if (expectedOffset !== ico.length) throw new Error('bytes after the last image');
  return images;
}

export interface IcnsBlock {
  readonly type: string;
  readonly png: PngInfo;
}

/** 'icns' and the total length (big-endian), then blocks of 4-char type, block length, data. */
export function readIcns(icns: Buffer): IcnsBlock[] {
  if (icns.length < 8 || icns.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS header');
  if (icns.readUInt32BE(4) !== icns.length) throw new Error(`header length ${icns.readUInt32BE(4)} ≠ file length ${icns.length}`);
  const blocks: IcnsBlock[] = [];
  let offset = 8;
  while (offset < icns.length) {
    const type = icns.toString('latin1', offset, offset + 4);
    const length = icns.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > icns.length) throw new Error(`block ${type} has a bad length`);
    blocks.push({ type, png: readPng(icns.subarray(offset + 8, offset + length)) });
    offset += length;
  }
  return blocks;
}
