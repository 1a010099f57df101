/**
 * What jsPDF and the core expect from a browser and Apps Script's V8 lacks: atob/btoa, TextEncoder/TextDecoder
 * (UTF-8, UTF-16 and Latin-1) and a `self`. Loaded as the bundle's first module, before jsPDF is evaluated.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function btoaPolyfill(binary: string): string {
  let out = "";
  for (let i = 0; i < binary.length; i += 3) {
    const a = binary.charCodeAt(i);
    const b = i + 1 < binary.length ? binary.charCodeAt(i + 1) : 0;
    const c = i + 2 < binary.length ? binary.charCodeAt(i + 2) : 0;
    if (a > 255 || b > 255 || c > 255) throw new RangeError("btoa: character outside Latin-1");
    const triple = (a << 16) | (b << 8) | c;
    out += ALPHABET.charAt(triple >> 18) + ALPHABET.charAt((triple >> 12) & 63);
    out += i + 1 < binary.length ? ALPHABET.charAt((triple >> 6) & 63) : "=";
    out += i + 2 < binary.length ? ALPHABET.charAt(triple & 63) : "=";
  }
  return out;
}

function atobPolyfill(text: string): string {
  const clean = text.replace(/[\s=]+/g, "");
  let out = "";
  let bits = 0;
  let value = 0;
  for (let i = 0; i < clean.length; i++) {
    const digit = ALPHABET.indexOf(clean.charAt(i));
    if (digit < 0) throw new Error("atob: invalid character");
    value = ((value << 6) | digit) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

export function encodeUtf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else if (code < 0x800) out.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) out.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else out.push(0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
  }
  return Uint8Array.from(out);
}

function decodeUtf8(bytes: Uint8Array, fatal: boolean): string {
  let out = "";
  for (let i = 0; i < bytes.length;) {
    const a = bytes[i] ?? 0;
    const need = a < 0x80 ? 0 : a >= 0xf0 && a < 0xf5 ? 3 : a >= 0xe0 ? 2 : a >= 0xc2 && a < 0xe0 ? 1 : -1;
    let code = need === 0 ? a : need === 1 ? a & 31 : need === 2 ? a & 15 : a & 7;
    let ok = need >= 0 && i + need < bytes.length + (need === 0 ? 1 : 0);
    for (let k = 1; ok && k <= need; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) ok = false;
      else code = (code << 6) | (next & 63);
    }
    if (!ok || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      if (fatal) throw new TypeError("The encoded data was not valid for encoding utf-8");
      out += "\ufffd";
      i += 1;
      continue;
    }
    out += String.fromCodePoint(code);
    i += need + 1;
  }
  return out;
}

class Utf8Encoder {
  readonly encoding = "utf-8";
  encode(text = ""): Uint8Array {
    return encodeUtf8(text);
  }
}

class SimpleDecoder {
  readonly encoding: string;
  private readonly fatal: boolean;
  private readonly ignoreBOM: boolean;
  constructor(label = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const name = label.toLowerCase().replace(/^utf8$/, "utf-8");
    if (!["utf-8", "utf-16le", "utf-16be", "latin1", "iso-8859-1", "ascii", "us-ascii"].includes(name))
      throw new RangeError(`TextDecoder: encoding "${label}" is not available in Apps Script`);
    this.encoding = name;
    this.fatal = options.fatal === true;
    this.ignoreBOM = options.ignoreBOM === true;
  }
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    const bytes =
      input === undefined
        ? new Uint8Array(0)
        : input instanceof ArrayBuffer
          ? new Uint8Array(input)
          : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    let text: string;
    if (this.encoding === "utf-8") text = decodeUtf8(bytes, this.fatal);
    else if (this.encoding.startsWith("utf-16")) {
      if (this.fatal && bytes.length % 2 === 1) throw new TypeError("The encoded data was not valid for utf-16");
      const little = this.encoding === "utf-16le";
      let out = "";
      for (let i = 0; i + 1 < bytes.length; i += 2) {
        const lo = bytes[i] ?? 0;
        const hi = bytes[i + 1] ?? 0;
        out += String.fromCharCode(little ? lo | (hi << 8) : (lo << 8) | hi);
      }
      text = out;
    } else {
      let out = "";
      for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      text = out;
    }
    return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

const scope = globalThis as unknown as Record<string, unknown>;
scope.self ??= globalThis;
scope.atob ??= atobPolyfill;
scope.btoa ??= btoaPolyfill;
scope.TextEncoder ??= Utf8Encoder;
scope.TextDecoder ??= SimpleDecoder;
