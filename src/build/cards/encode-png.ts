/**
 * A minimal PNG encoder for palette images, the form the cards take: few colours and large
 * flat areas. zlib's run-length strategy compresses a card quickly; the default strategy saves
 * more bytes for markedly more time (measured on cards of real titles). It also keeps the bytes
 * the same on every machine: the run-length strategy does not use the match-finding hash, which
 * some zlib builds compute with CPU-specific instructions.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Writes one PNG chunk into `png` at `at` — length, type, data, CRC of type and data — and returns where it ends. */
function writeChunk(png: Buffer, at: number, type: string, data: Uint8Array): number {
  png.writeUInt32BE(data.length, at);
  png.write(type, at + 4, 'latin1');
  png.set(data, at + 8);
  png.writeUInt32BE(crc32(png.subarray(at + 4, at + 8 + data.length)), at + 8 + data.length);
  return at + 12 + data.length;
}

/**
 * A palette PNG of `bits` (1, 2, 4 or 8) per pixel. `palette` holds up to 2^bits RGB triples;
 * `scanlines` holds `height` rows, each a filter byte (0) and the row's indexes, packed
 * most significant bits first.
 */
export function encodeIndexedPng(width: number, height: number, bits: 1 | 2 | 4 | 8, palette: Uint8Array, scanlines: Uint8Array): Buffer {
  const rowBytes = Math.ceil((width * bits) / 8) + 1;
  if (scanlines.length !== rowBytes * height)
    throw new Error(`encodeIndexedPng: ${scanlines.length} bytes of scanlines for ${width} × ${height} at ${bits} bits`);
  if (palette.length > 3 * 2 ** bits) throw new Error(`encodeIndexedPng: ${palette.length / 3} colours do not fit ${bits} bits`);
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header[8] = bits;
  header[9] = 3; // colour type: palette
  const image = deflateSync(scanlines, { level: 9, strategy: constants.Z_RLE });
  // One buffer, written in place: the PNG is built once a card.
  const png = Buffer.allocUnsafe(SIGNATURE.length + 12 * 4 + header.length + palette.length + image.length);
  png.set(SIGNATURE, 0);
  let at = writeChunk(png, SIGNATURE.length, 'IHDR', header);
  at = writeChunk(png, at, 'PLTE', palette);
  at = writeChunk(png, at, 'IDAT', image);
  writeChunk(png, at, 'IEND', new Uint8Array(0));
  return png;
}
