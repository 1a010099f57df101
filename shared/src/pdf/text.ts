/**
 * The one text step every string drawn in a statement PDF goes through: normalise, check each code point against
 * the embedded font's repertoire, and refuse (with the text and the character named) what it cannot show, instead
 * of letting the PDF print boxes, garbage or NUL bytes.
 */
import { problem, type Problem } from "../problem.js";
import { REPERTOIRE_NAME, type EmbeddedFont } from "./fonts.js";

/** A string that has passed the text step for a font: every code point has a glyph. */
export type DrawableText = string & { readonly __brand: "DrawableText" };

/**
 * Thrown when a statement contains text the PDF fonts cannot show; carries a Problem for the CLI and the panes.
 * @example
 * try { renderStatementPdf(statement, profile, { pageSize: "A4" }); }
 * catch (e) { if (e instanceof PdfTextError) console.error(formatProblem(e.problem)); }
 */
export class PdfTextError extends Error {
  readonly problem: Problem;
  readonly text: string;
  readonly character: string;
  constructor(text: string, character: string, field: string) {
    const codePoint = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    const message =
      `cannot draw "${text}" in the PDF: character "${character}" (U+${codePoint}) is not in the embedded font ` +
      `(${REPERTOIRE_NAME})`;
    super(message);
    this.name = "PdfTextError";
    this.text = text;
    this.character = character;
    this.problem = problem("error", "pdf.text.unsupported-character", message, { file: "statement PDF", field });
  }
}

/**
 * Normalises `text` to NFC, turns tabs and line breaks into spaces, and checks every code point against `font`.
 * @throws PdfTextError naming the text and the first character the font cannot show.
 * @example drawable("Kyoto Kōgei K.K.", fonts.normal, "client name") // "Kyoto Kōgei K.K."
 */
export function drawable(text: string, font: EmbeddedFont, field: string): DrawableText {
  const normalised = text.normalize("NFC").replace(/[\t\r\n]+/g, " ");
  for (const character of normalised) {
    const cp = character.codePointAt(0) ?? 0;
    if (font.widthOf(cp) === undefined) throw new PdfTextError(text, character, field);
  }
  return normalised as DrawableText;
}

/**
 * Width in points of checked text at `size`.
 * @example textWidth(drawable("AA", fonts.normal, "t"), fonts.normal, 10) // ≈ 13.7
 */
export function textWidth(text: DrawableText, font: EmbeddedFont, size: number): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) width += font.widthOf(text.charCodeAt(i)) ?? 0;
  return (width * size) / 1000;
}
