/** The embedded fonts (DejaVu Sans regular and bold, cut by scripts/prepare-assets.ts), parsed once per process. */
import { decodeBase64 } from "./base64.js";
import { DEJAVU_SANS_BOLD_TTF_BASE64 } from "./fonts/dejavu-sans-bold.generated.js";
import { DEJAVU_SANS_TTF_BASE64 } from "./fonts/dejavu-sans.generated.js";
import { parseTrueType, type TrueTypeFont } from "./truetype.js";

export type FontStyle = "normal" | "bold";

/** A font with its widths in 1/1000 em per code point, as PDF text layout needs them. */
export interface EmbeddedFont {
  readonly style: FontStyle;
  readonly program: TrueTypeFont;
  /** Advance of a code point in 1/1000 em; undefined when the font cannot show it. */
  widthOf(codePoint: number): number | undefined;
}

let cache: Readonly<Record<FontStyle, EmbeddedFont>> | undefined;

function embed(style: FontStyle, base64: string): EmbeddedFont {
  const program = parseTrueType(decodeBase64(base64));
  const scale = 1000 / program.unitsPerEm;
  const widths = new Map<number, number>();
  for (const cp of program.codePoints) widths.set(cp, program.advanceOf(program.glyphOf(cp)) * scale);
  return { style, program, widthOf: (cp) => widths.get(cp) };
}

/**
 * The regular and bold fonts every statement PDF draws with.
 * @example embeddedFonts().bold.widthOf(0x41) // ≈ 774
 */
export function embeddedFonts(): Readonly<Record<FontStyle, EmbeddedFont>> {
  cache ??= {
    normal: embed("normal", DEJAVU_SANS_TTF_BASE64),
    bold: embed("bold", DEJAVU_SANS_BOLD_TTF_BASE64),
  };
  return cache;
}

/** Human name of the repertoire, for messages. */
export const REPERTOIRE_NAME = "DejaVu Sans subset: Latin, Latin Extended, Greek, common punctuation";
