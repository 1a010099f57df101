/** Bytes → text the way spreadsheet exports need it: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252. */

export type TextEncodingName = "UTF-8" | "UTF-8 with BOM" | "UTF-16LE" | "UTF-16BE" | "Windows-1252";

export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName }
  | { readonly ok: false; readonly message: string };

/**
 * Decodes a CSV export. Excel's "CSV (séparateur : point-virgule)" writes Windows-1252, which is never valid
 * UTF-8 once it holds an accent, so a strict UTF-8 attempt tells the two apart.
 * @example decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])) // { ok: true, text: "A", encoding: "UTF-8 with BOM" }
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = decodeStrict("utf-8", bytes.subarray(3));
    return text === undefined
      ? { ok: false, message: "the file starts as UTF-8 (byte order mark) but holds bytes that are not UTF-8" }
      : { ok: true, text, encoding: "UTF-8 with BOM" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, "utf-16le", "UTF-16LE");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, "utf-16be", "UTF-16BE");
  if (bytes.includes(0)) {
    return {
      ok: false,
      message:
        "this is not a text file (it contains NUL bytes): export the sheet as CSV, or save it as UTF-16 with a byte order mark",
    };
  }
  const utf8 = decodeStrict("utf-8", bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: "UTF-8" };
  return { ok: true, text: decodeWindows1252(bytes), encoding: "Windows-1252" };
}

// WHATWG windows-1252 for 0x80–0x9F (the rest is Latin-1); 0x81, 0x8D, 0x8F, 0x90, 0x9D map to themselves.
const WINDOWS_1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/**
 * Windows-1252 by table, not TextDecoder: Node 20.18.3+ decodes "windows-1252" as Latin-1, so "€", "œ", "’" of an
 * Excel export came out as C1 control characters (nodejs/node#60888).
 * @example decodeWindows1252(new Uint8Array([0x80])) // "€"
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return text.replace(/[\u0080-\u009f]/g, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80] ?? char);
}

function decodeStrict(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function utf16(bytes: Uint8Array, label: string, name: TextEncodingName): DecodedText {
  const text = decodeStrict(label, bytes.subarray(2));
  return text === undefined
    ? { ok: false, message: `the file announces ${name} but is not valid ${name}` }
    : { ok: true, text, encoding: name };
}
