/** Base64 for the pane: attachments go to Office.js and to Graph as base64 strings. One implementation for both. */

/** Base64 of bytes in chunks (a multiple of 3, so the pieces join without padding in the middle). */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK_BYTES = 3 * 8192;
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    let binary = "";
    for (const byte of chunk) binary += String.fromCharCode(byte);
    parts.push(btoa(binary));
  }
  return parts.join("");
}

/** The length of the base64 text for `byteCount` bytes (checked against Office's limit before encoding). */
export function base64Length(byteCount: number): number {
  return Math.ceil(byteCount / 3) * 4;
}

/** The decoded length of a base64 string, without decoding it. */
export function base64ByteLength(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}
