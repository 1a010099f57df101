/**
 * A small TrueType reader and glyph subsetter: code point → glyph, advance widths, and a per-document subset holding
 * only the glyphs a statement uses (renumbered), so the PDF embeds a few KB of font instead of the whole repertoire.
 */

interface TableRecord {
  readonly offset: number;
  readonly length: number;
}

/** A parsed TrueType font (glyf outlines), read-only. */
export interface TrueTypeFont {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  /** Glyph id for a code point; 0 (.notdef) when the font has none. */
  glyphOf(codePoint: number): number;
  /** Advance width in font units. */
  advanceOf(glyph: number): number;
  /** Every code point the font maps to a glyph. */
  readonly codePoints: ReadonlySet<number>;
  /** A standalone TTF with .notdef plus the glyphs of `codePoints` (and their components), glyphs renumbered. */
  subset(codePoints: Iterable<number>): FontSubset;
}

export interface FontSubset {
  readonly bytes: Uint8Array;
  /** Glyph id of each code point in the subset. */
  readonly glyphs: ReadonlyMap<number, number>;
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16(at: number): number {
    return this.view.getUint16(at);
  }
  i16(at: number): number {
    return this.view.getInt16(at);
  }
  u32(at: number): number {
    return this.view.getUint32(at);
  }
}

class Writer {
  private buffer: Uint8Array;
  private view: DataView;
  length = 0;
  constructor(capacity = 1024) {
    this.buffer = new Uint8Array(capacity);
    this.view = new DataView(this.buffer.buffer);
  }
  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer);
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
  u16(value: number): void {
    this.reserve(2);
    this.view.setUint16(this.length, value & 0xffff);
    this.length += 2;
  }
  i16(value: number): void {
    this.reserve(2);
    this.view.setInt16(this.length, value);
    this.length += 2;
  }
  u32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value >>> 0);
    this.length += 4;
  }
  bytes(data: Uint8Array): void {
    this.reserve(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }
  pad4(): void {
    while (this.length % 4 !== 0) this.bytes(new Uint8Array(1));
  }
  setU16(at: number, value: number): void {
    this.view.setUint16(at, value & 0xffff);
  }
  result(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

// Composite glyph flags (OpenType glyf spec).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/**
 * Parses a TrueType (glyf) font.
 * @example const font = parseTrueType(bytes); font.advanceOf(font.glyphOf(0x41)) // 1401 for DejaVu Sans "A"
 */
export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const r = new Reader(bytes);
  const tables = new Map<string, TableRecord>();
  const numTables = r.u16(4);
  for (let i = 0; i < numTables; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
    tables.set(tag, { offset: r.u32(at + 8), length: r.u32(at + 12) });
  }
  const table = (tag: string): TableRecord => {
    const found = tables.get(tag);
    if (found === undefined) throw new Error(`TrueType font has no ${tag} table`);
    return found;
  };
  const raw = (tag: string): Uint8Array => {
    const t = table(tag);
    return bytes.subarray(t.offset, t.offset + t.length);
  };

  const head = table("head");
  const unitsPerEm = r.u16(head.offset + 18);
  const longLoca = r.i16(head.offset + 50) === 1;
  const hhea = table("hhea");
  const ascender = r.i16(hhea.offset + 4);
  const descender = r.i16(hhea.offset + 6);
  const numberOfHMetrics = r.u16(hhea.offset + 34);
  const numGlyphs = r.u16(table("maxp").offset + 4);

  const hmtx = table("hmtx").offset;
  const advances = new Uint16Array(numGlyphs);
  const lsbs = new Int16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) {
    const metric = Math.min(g, numberOfHMetrics - 1);
    advances[g] = r.u16(hmtx + metric * 4);
    lsbs[g] =
      g < numberOfHMetrics ? r.i16(hmtx + g * 4 + 2) : r.i16(hmtx + numberOfHMetrics * 4 + (g - numberOfHMetrics) * 2);
  }

  const loca = table("loca").offset;
  const glyfOffset = table("glyf").offset;
  const glyphStart = (g: number): number => (longLoca ? r.u32(loca + g * 4) : r.u16(loca + g * 2) * 2);
  const glyphBytes = (g: number): Uint8Array =>
    bytes.subarray(glyfOffset + glyphStart(g), glyfOffset + glyphStart(g + 1));

  const cmapOf = readCmap(r, table("cmap").offset);

  const components = (g: number): number[] => {
    const data = glyphBytes(g);
    if (data.length === 0 || new Reader(data).i16(0) >= 0) return [];
    const found: number[] = [];
    forEachComponent(data, (at) => found.push(new Reader(data).u16(at)));
    return found;
  };

  return {
    unitsPerEm,
    ascender,
    descender,
    codePoints: new Set(cmapOf.keys()),
    glyphOf: (codePoint) => cmapOf.get(codePoint) ?? 0,
    advanceOf: (glyph) => advances[glyph] ?? 0,
    subset(codePoints) {
      // New glyph order: .notdef, then mapped glyphs in code point order, then composite components.
      const order: number[] = [0];
      const newId = new Map<number, number>([[0, 0]]);
      const mapping: [number, number][] = [];
      const use = (g: number): number => {
        let id = newId.get(g);
        if (id === undefined) {
          id = order.length;
          newId.set(g, id);
          order.push(g);
        }
        return id;
      };
      for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
        const g = cmapOf.get(cp);
        if (g !== undefined && cp <= 0xffff) mapping.push([cp, use(g)]);
      }
      for (let i = 0; i < order.length; i++) for (const c of components(order[i] ?? 0)) use(c);

      const glyf = new Writer(order.length * 64);
      const offsets: number[] = [];
      for (const g of order) {
        offsets.push(glyf.length);
        const data = glyphBytes(g);
        if (data.length === 0) continue;
        const copy = data.slice();
        if (new Reader(copy).i16(0) < 0) {
          const view = new DataView(copy.buffer);
          forEachComponent(copy, (at) => {
            view.setUint16(at, newId.get(view.getUint16(at)) ?? 0);
          });
        }
        glyf.bytes(copy);
        glyf.pad4();
      }
      offsets.push(glyf.length);

      const locaOut = new Writer(offsets.length * 4);
      for (const o of offsets) locaOut.u32(o);
      const hmtxOut = new Writer(order.length * 4);
      for (const g of order) {
        hmtxOut.u16(advances[g] ?? 0);
        hmtxOut.i16(lsbs[g] ?? 0);
      }
      const headOut = raw("head").slice();
      const headView = new DataView(headOut.buffer);
      headView.setUint32(8, 0); // checkSumAdjustment: optional for PDF embedding
      headView.setInt16(50, 1); // long loca
      const hheaOut = raw("hhea").slice();
      new DataView(hheaOut.buffer).setUint16(34, order.length);
      const maxpOut = raw("maxp").slice();
      new DataView(maxpOut.buffer).setUint16(4, order.length);
      // post format 3 (no glyph names): keep italic angle, underline and fixed-pitch fields.
      const postOut = raw("post").slice(0, 32);
      new DataView(postOut.buffer).setUint32(0, 0x00030000);

      const out: [string, Uint8Array][] = [
        ["OS/2", raw("OS/2")],
        ["cmap", encodeCmap(mapping)],
        ["glyf", glyf.result()],
        ["head", headOut],
        ["hhea", hheaOut],
        ["hmtx", hmtxOut.result()],
        ["loca", locaOut.result()],
        ["maxp", maxpOut],
        ["name", raw("name")],
        ["post", postOut],
      ];
      return { bytes: encodeFont(out), glyphs: new Map(mapping) };
    },
  };
}

function forEachComponent(glyph: Uint8Array, visit: (glyphIndexAt: number) => void): void {
  const r = new Reader(glyph);
  let at = 10;
  for (;;) {
    const flags = r.u16(at);
    visit(at + 2);
    at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (!(flags & MORE_COMPONENTS)) return;
  }
}

/** Reads the best Unicode cmap subtable (format 12 preferred, else format 4). */
function readCmap(r: Reader, cmap: number): Map<number, number> {
  const map = new Map<number, number>();
  const count = r.u16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const platform = r.u16(cmap + 4 + i * 8);
    const encoding = r.u16(cmap + 6 + i * 8);
    const at = cmap + r.u32(cmap + 8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = r.u16(at);
    if (format === 12) format12 = at;
    else if (format === 4) format4 = at;
  }
  if (format12 !== undefined) {
    const groups = r.u32(format12 + 12);
    for (let i = 0; i < groups; i++) {
      const g = format12 + 16 + i * 12;
      const start = r.u32(g);
      const end = r.u32(g + 4);
      const glyph = r.u32(g + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
  } else if (format4 !== undefined) {
    const segCount = r.u16(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    for (let s = 0; s < segCount; s++) {
      const start = r.u16(starts + s * 2);
      const end = r.u16(ends + s * 2);
      const delta = r.u16(deltas + s * 2);
      const rangeOffset = r.u16(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const raw = r.u16(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
  } else throw new Error("TrueType font has no Unicode cmap");
  return map;
}

/** cmap with one (3,1) format 4 subtable; runs of consecutive code points and glyphs share a segment. */
function encodeCmap(mapping: readonly (readonly [number, number])[]): Uint8Array {
  const segments: { start: number; end: number; delta: number }[] = [];
  for (const [cp, glyph] of mapping) {
    const last = segments.at(-1);
    if (last !== undefined && cp === last.end + 1 && glyph - cp === last.delta) last.end = cp;
    else segments.push({ start: cp, end: cp, delta: glyph - cp });
  }
  segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
  const segCount = segments.length;
  const searchRange = 2 * 2 ** Math.floor(Math.log2(segCount));
  const w = new Writer();
  w.u16(0); // version
  w.u16(1); // one subtable
  w.u16(3);
  w.u16(1);
  w.u32(12);
  w.u16(4); // format
  w.u16(16 + segCount * 8); // length
  w.u16(0); // language
  w.u16(segCount * 2);
  w.u16(searchRange);
  w.u16(Math.log2(searchRange / 2));
  w.u16(segCount * 2 - searchRange);
  for (const s of segments) w.u16(s.end);
  w.u16(0); // reservedPad
  for (const s of segments) w.u16(s.start);
  for (const s of segments) w.u16(s.delta);
  for (let i = 0; i < segCount; i++) w.u16(0); // idRangeOffset
  return w.result();
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const padded =
    data.length % 4 === 0
      ? data
      : (() => {
          const p = new Uint8Array(data.length + 4 - (data.length % 4));
          p.set(data);
          return p;
        })();
  const view = new DataView(padded.buffer, padded.byteOffset, padded.byteLength);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** Assembles an sfnt file; `tables` must be sorted by tag. */
function encodeFont(tables: readonly (readonly [string, Uint8Array])[]): Uint8Array {
  const n = tables.length;
  const entrySelector = Math.floor(Math.log2(n));
  const searchRange = 2 ** entrySelector * 16;
  const w = new Writer(tables.reduce((size, [, data]) => size + data.length + 4, 12 + n * 16));
  w.u32(0x00010000);
  w.u16(n);
  w.u16(searchRange);
  w.u16(entrySelector);
  w.u16(n * 16 - searchRange);
  let offset = 12 + n * 16;
  for (const [tag, data] of tables) {
    for (let i = 0; i < 4; i++) w.bytes(new Uint8Array([tag.charCodeAt(i)]));
    w.u32(checksum(data));
    w.u32(offset);
    w.u32(data.length);
    offset += Math.ceil(data.length / 4) * 4;
  }
  for (const [, data] of tables) {
    w.bytes(data);
    w.pad4();
  }
  return w.result();
}
