/** PNG files made for tests: any colour type and depth, each row under a chosen filter (0–4), zlib by fflate. */
import { zlibSync } from "fflate";

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(
    Array.from(type, (c) => c.charCodeAt(0)),
    4,
  );
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

export interface PngSpec {
  readonly width: number;
  readonly height: number;
  readonly depth: 1 | 2 | 4 | 8 | 16;
  readonly colorType: 0 | 2 | 3 | 4 | 6;
  /** Unfiltered rows, ceil(width × channels × depth / 8) bytes each. */
  readonly rows: Uint8Array;
  readonly palette?: Uint8Array;
  readonly transparency?: Uint8Array;
  readonly interlaced?: boolean;
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;

export function encodePng(spec: PngSpec): Uint8Array {
  const rowBytes = Math.ceil((spec.width * CHANNELS[spec.colorType] * spec.depth) / 8);
  const bpp = Math.max(1, Math.ceil((CHANNELS[spec.colorType] * spec.depth) / 8));
  const filtered = new Uint8Array((rowBytes + 1) * spec.height);
  for (let y = 0; y < spec.height; y++) {
    const filter = y % 5;
    filtered[y * (rowBytes + 1)] = filter;
    for (let x = 0; x < rowBytes; x++) {
      const at = (i: number, j: number) => (i >= 0 && j >= 0 ? (spec.rows[j * rowBytes + i] ?? 0) : 0);
      const [value, left, up, upLeft] = [at(x, y), at(x - bpp, y), at(x, y - 1), at(x - bpp, y - 1)];
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predicted = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      filtered[y * (rowBytes + 1) + 1 + x] = (value - predicted) & 0xff;
    }
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, spec.width);
  view.setUint32(4, spec.height);
  header.set([spec.depth, spec.colorType, 0, 0, spec.interlaced === true ? 1 : 0], 8);
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...(spec.palette !== undefined ? [chunk("PLTE", spec.palette)] : []),
    ...(spec.transparency !== undefined ? [chunk("tRNS", spec.transparency)] : []),
    chunk("IDAT", zlibSync(filtered)),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Deterministic pseudo-random bytes (so every filter sees varied neighbours). */
export function noise(length: number, seed = 7): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    out[i] = state >> 16;
  }
  return out;
}
