/**
 * A tiny valid baseline JPEG made here (no image library in the repo): one grey channel, every 8×8 block DC-only,
 * so the entropy-coded data is two zero bits per block. Enough for readLogo and for jsPDF's DCTDecode pass-through.
 */
export function greyJpeg(widthPx: number, heightPx: number): Uint8Array {
  if (widthPx % 8 !== 0 || heightPx % 8 !== 0) throw new Error("greyJpeg: sizes must be multiples of 8");
  const blocks = (widthPx / 8) * (heightPx / 8);
  const bits = "00".repeat(blocks);
  const padded = bits + "1".repeat((8 - (bits.length % 8)) % 8);
  const scan: number[] = [];
  for (let at = 0; at < padded.length; at += 8) scan.push(parseInt(padded.slice(at, at + 8), 2));
  const u16 = (n: number) => [n >> 8, n & 0xff];
  const huffman = (tableClass: number) => [
    0xff,
    0xc4,
    ...u16(2 + 1 + 16 + 1),
    tableClass << 4,
    1,
    ...Array<number>(15).fill(0),
    0,
  ];
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xdb,
    ...u16(67),
    0,
    ...Array<number>(64).fill(1),
    0xff,
    0xc0,
    ...u16(11),
    8,
    ...u16(heightPx),
    ...u16(widthPx),
    1,
    1,
    0x11,
    0,
    ...huffman(0),
    ...huffman(1),
    0xff,
    0xda,
    ...u16(8),
    1,
    1,
    0,
    0,
    63,
    0,
    ...scan,
    0xff,
    0xd9,
  ]);
}
