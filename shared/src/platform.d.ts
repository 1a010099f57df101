// The WHATWG Encoding API is present in Node, browsers and our Apps Script polyfills, but it is not part of the
// ECMAScript lib that shared/ compiles against (no DOM, no Node types), so we declare the slice the core uses.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
