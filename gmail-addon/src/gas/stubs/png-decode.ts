/**
 * Stands in for fast-png's `decode` in the Gmail bundle: jsPDF draws a PNG from what it returns (size, depth,
 * channels, unfiltered rows, palette with tRNS alpha). fast-png brings pako (~100 KB of Code.js); this decoder
 * inflates with the fflate jsPDF already bundles. Interlaced PNGs are refused (the logo check says so first).
 */
import { unzlibSync } from "fflate";

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly channels: number;
  /** Unfiltered rows, samples big-endian (16-bit too), in a buffer of its own (jsPDF views `data.buffer`). */
  readonly data: Uint8Array;
  readonly palette?: number[][];
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const pa = Math.abs(p - left);
  const pb = Math.abs(p - up);
  const pc = Math.abs(p - upLeft);
  return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
}

export function decode(bytes: Uint8Array): DecodedPng {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) throw new Error("not a PNG file");
  let width = 0;
  let height = 0;
  let depth = 8;
  let colorType = -1;
  let palette: number[][] | undefined;
  let alphas: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      depth = data[8] ?? 8;
      colorType = data[9] ?? -1;
      if (data[12] !== 0) throw new Error("interlaced PNG images are not supported: save the logo without interlacing");
    } else if (type === "PLTE") {
      palette = [];
      for (let i = 0; i + 2 < data.length; i += 3) palette.push([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0]);
    } else if (type === "tRNS") alphas = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (channels === undefined || width === 0 || height === 0) throw new Error("PNG without a valid IHDR chunk");
  const joined = new Uint8Array(idat.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of idat) {
    joined.set(part, offset);
    offset += part.length;
  }
  const raw = unzlibSync(joined);
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const pixelBytes = Math.max(1, Math.ceil((channels * depth) / 8));
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)] ?? 0;
    const source = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const value = raw[source + x] ?? 0;
      const left = x >= pixelBytes ? (out[row + x - pixelBytes] ?? 0) : 0;
      const up = y > 0 ? (out[row - rowBytes + x] ?? 0) : 0;
      const upLeft = y > 0 && x >= pixelBytes ? (out[row - rowBytes + x - pixelBytes] ?? 0) : 0;
      const predicted =
        filter === 1
          ? left
          : filter === 2
            ? up
            : filter === 3
              ? (left + up) >> 1
              : filter === 4
                ? paeth(left, up, upLeft)
                : 0;
      out[row + x] = (value + predicted) & 0xff;
    }
  }
  const alpha = alphas;
  if (palette !== undefined && alpha !== undefined) palette = palette.map((rgb, i) => [...rgb, alpha[i] ?? 255]);
  return {
    width,
    height,
    depth,
    channels,
    data: out,
    ...(colorType === 3 && palette !== undefined ? { palette } : {}),
  };
}
