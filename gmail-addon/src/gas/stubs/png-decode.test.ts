/** The bundle's PNG decoder gives jsPDF what fast-png would: same size, depth, channels, rows and palette. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { decode as fastPng } from "fast-png";
import { encodePng, noise, type PngSpec } from "../../../test/png.js";
import { decode } from "./png-decode.js";

function rowsFor(spec: Omit<PngSpec, "rows">): Uint8Array {
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[spec.colorType];
  return noise(Math.ceil((spec.width * channels * spec.depth) / 8) * spec.height, spec.width * 31 + spec.depth);
}

/** fast-png's samples as big-endian bytes (it gives 16-bit samples as a Uint16Array). */
function bytesOf(data: Uint8Array | Uint16Array | Uint8ClampedArray): number[] {
  if (!(data instanceof Uint16Array)) return [...data];
  return [...data].flatMap((sample) => [sample >> 8, sample & 0xff]);
}

describe("Gmail bundle PNG decoder (stands in for fast-png)", () => {
  const specs: Omit<PngSpec, "rows">[] = [
    { width: 13, height: 11, depth: 8, colorType: 6 },
    { width: 9, height: 10, depth: 8, colorType: 2 },
    { width: 7, height: 10, depth: 16, colorType: 2 },
    { width: 5, height: 10, depth: 16, colorType: 6 },
    { width: 11, height: 10, depth: 8, colorType: 4 },
    { width: 17, height: 10, depth: 8, colorType: 0 },
    { width: 19, height: 10, depth: 1, colorType: 0 },
    {
      width: 10,
      height: 10,
      depth: 4,
      colorType: 3,
      palette: noise(16 * 3),
      transparency: Uint8Array.from([0, 128, 255]),
    },
    { width: 10, height: 10, depth: 2, colorType: 3, palette: noise(4 * 3, 3) },
  ];
  for (const spec of specs)
    it(`colour type ${String(spec.colorType)}, ${String(spec.depth)}-bit, every row filter`, () => {
      const png = encodePng({ ...spec, rows: rowsFor(spec) });
      const ours = decode(png);
      const theirs = fastPng(png);
      expect([ours.width, ours.height, ours.depth, ours.channels]).toEqual([
        theirs.width,
        theirs.height,
        theirs.depth,
        theirs.channels,
      ]);
      expect([...ours.data]).toEqual(bytesOf(theirs.data));
      expect(ours.data.byteOffset).toBe(0);
      expect(ours.palette).toEqual(theirs.palette);
    });

  it("the examples' logo (RGBA, written by another encoder) decodes the same", () => {
    const png = new Uint8Array(readFileSync(resolve(import.meta.dirname, "../../../../examples/logo.png")));
    const ours = decode(png);
    const theirs = fastPng(png);
    expect([ours.width, ours.height, ours.channels]).toEqual([480, 160, 4]);
    expect(Buffer.from(ours.data).equals(Buffer.from(bytesOf(theirs.data)))).toBe(true);
  });

  it("refuses interlaced images and non-PNG bytes with a message", () => {
    const spec = { width: 4, height: 4, depth: 8, colorType: 2, interlaced: true } as const;
    expect(() => decode(encodePng({ ...spec, rows: rowsFor(spec) }))).toThrow(
      /interlaced PNG images are not supported/,
    );
    expect(() => decode(Uint8Array.from([0xff, 0xd8, 0xff]))).toThrow("not a PNG file");
  });
});
