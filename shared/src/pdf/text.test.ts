/** The text step, the font subsetter and the locale texts, without building a PDF. */
import { isoDate } from "../date/civil-date.js";
import { currency } from "../money/currency.js";
import { money } from "../money/money.js";
import { embeddedFonts } from "./fonts.js";
import { drawable, PdfTextError, textWidth } from "./text.js";
import { formatCivilDate } from "../date/format.js";
import { formatWholeMoney } from "../money/format.js";
import { formatRate, textsFor } from "./texts.js";
import { parseTrueType } from "./truetype.js";

describe("the text step", () => {
  const { normal } = embeddedFonts();

  it("accepts the separators Intl emits: U+202F, U+00A0, U+2009, U+2212, € and …", () => {
    expect(drawable("1\u202f234,56\u00a0€ \u2009\u2212…", normal, "amount")).toBe("1\u202f234,56\u00a0€ \u2009\u2212…");
  });

  it("composes decomposed accents (NFC) before checking", () => {
    expect(drawable("Ko\u0304gei", normal, "client name")).toBe("Kōgei");
  });

  it("turns tabs and line breaks into spaces", () => {
    expect(drawable("Dupont\r\nFils\tSA", normal, "client name")).toBe("Dupont Fils SA");
  });

  it("refuses CJK and emoji with the character named", () => {
    expect(() => drawable("京都", normal, "client name")).toThrow(/"京" \(U\+4EAC\)/);
    expect(() => drawable("Café 😀", normal, "client name")).toThrow(PdfTextError);
    expect(() => drawable("Null\u0000", normal, "client name")).toThrow(/U\+0000/);
  });

  it("measures with the font's advance widths", () => {
    expect(textWidth(drawable("AA", normal, "t"), normal, 10)).toBeCloseTo(2 * (normal.widthOf(0x41) ?? 0) * 0.01, 6);
  });
});

describe("the per-document font subset", () => {
  it("keeps exactly the requested characters with their widths, composite glyphs included", () => {
    const { program } = embeddedFonts().normal;
    const sample = "Kōgei Αθηναϊκή 1 234,56 €";
    const wanted = Array.from({ length: sample.length }, (_, i) => sample.charCodeAt(i));
    const subset = program.subset(wanted);
    const reparsed = parseTrueType(subset.bytes);
    expect(subset.bytes.length).toBeLessThan(12_000);
    for (const cp of wanted) {
      const glyph = reparsed.glyphOf(cp);
      expect(glyph).toBe(subset.glyphs.get(cp));
      expect(reparsed.advanceOf(glyph)).toBe(program.advanceOf(program.glyphOf(cp)));
    }
    expect(reparsed.glyphOf(0x5a)).toBe(0); // "Z" was not asked for
  });
});

describe("the PDF texts", () => {
  it("picks French for any fr-* locale and English otherwise", () => {
    expect(textsFor("fr-BE").open).toBe("Reste dû");
    expect(textsFor("en-US").open).toBe("Open");
  });

  it("formats civil dates without a machine time zone", () => {
    expect(formatCivilDate(isoDate("2026-01-01"), "fr-FR", "long")).toBe("1 janvier 2026");
    expect(formatCivilDate(isoDate("2026-12-31"), "en-US", "short")).toBe("12/31/2026");
  });

  it("writes the indemnity as the law does and the rate per locale", () => {
    expect(formatWholeMoney(money(currency("EUR"), 4000), "fr-FR")).toBe("40\u00a0€");
    expect(formatRate(12.15, "fr-FR")).toMatch(/^12,15[\u00a0\u202f]%$/u);
    expect(formatRate(12.15, "en-GB")).toBe("12.15%");
  });
});
