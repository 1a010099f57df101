import { decodeCsvBytes, decodeWindows1252 } from "./decode.js";

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeCsvBytes", () => {
  it("UTF-8 with and without a byte order mark", () => {
    expect(decodeCsvBytes(utf8("Échéance;Payé"))).toEqual({ ok: true, text: "Échéance;Payé", encoding: "UTF-8" });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Échéance")]))).toEqual({
      ok: true,
      text: "Échéance",
      encoding: "UTF-8 with BOM",
    });
  });

  it("Windows-1252 from Excel: accents and the euro sign", () => {
    // "Échéance;Société Générale;€" in Windows-1252
    const text = "Échéance;Société Générale;€";
    const map: Record<string, number> = { É: 0xc9, é: 0xe9, "€": 0x80 };
    const decoded = decodeCsvBytes(bytes(...Array.from(text, (char) => map[char] ?? char.charCodeAt(0))));
    expect(decoded).toEqual({ ok: true, text, encoding: "Windows-1252" });
  });

  it("UTF-16 with a byte order mark, both byte orders", () => {
    expect(decodeCsvBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00))).toEqual({
      ok: true,
      text: "Aé",
      encoding: "UTF-16LE",
    });
    expect(decodeCsvBytes(bytes(0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9))).toEqual({
      ok: true,
      text: "Aé",
      encoding: "UTF-16BE",
    });
  });

  it("refuses UTF-16 without a byte order mark and binary files (NUL bytes)", () => {
    const utf16 = new Uint8Array(Buffer.from("Invoice,Total\n", "utf16le"));
    const refused = decodeCsvBytes(utf16);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/not a text file \(it contains NUL bytes\)/);
    const xlsx = bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00);
    expect(decodeCsvBytes(xlsx).ok).toBe(false);
  });

  it("refuses a UTF-8 byte order mark followed by bytes that are not UTF-8", () => {
    const decoded = decodeCsvBytes(bytes(0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x41));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.message).toMatch(/byte order mark/);
  });

  it("an odd-length UTF-16 file is refused, not half-decoded", () => {
    expect(decodeCsvBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0x42)).ok).toBe(false);
  });
});

describe("decodeWindows1252", () => {
  it("maps 0x80–0x9F the WHATWG way (not as Latin-1 C1 controls), whatever the Node version", () => {
    const c1 = decodeWindows1252(new Uint8Array(Array.from({ length: 32 }, (_, index) => 0x80 + index)));
    expect(c1).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ");
    expect(decodeWindows1252(new Uint8Array([0x43, 0x9c, 0x75, 0x72, 0x20, 0x92, 0xe9, 0xff]))).toBe("Cœur ’éÿ");
  });

  it("decodes large inputs (chunked) to the same length", () => {
    const big = new Uint8Array(200_000).fill(0xe9);
    expect(decodeWindows1252(big)).toBe("é".repeat(200_000));
  });
});
