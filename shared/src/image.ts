/** Reads the pixel size of a PNG or JPEG logo from its header, so the PDF keeps its aspect ratio. */
import type { LogoImage } from "./profile.js";

export type ImageRead =
  { readonly ok: true; readonly image: LogoImage } | { readonly ok: false; readonly message: string };

/**
 * @example readLogo(pngBytes) // { ok: true, image: { format: "PNG", widthPx: 480, heightPx: 160, bytes } }
 */
export function readLogo(bytes: Uint8Array): ImageRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((byte, index) => bytes[index] === byte)) {
    return { ok: true, image: { format: "PNG", bytes, widthPx: view.getUint32(16), heightPx: view.getUint32(20) } };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    // Walk the JPEG segments to the first start-of-frame marker (SOF0…SOF15 but DHT, JPG and DAC).
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) break;
      const marker = bytes[offset + 1] ?? 0;
      const length = view.getUint16(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return {
          ok: true,
          image: { format: "JPEG", bytes, heightPx: view.getUint16(offset + 5), widthPx: view.getUint16(offset + 7) },
        };
      }
      offset += 2 + length;
    }
    return { ok: false, message: "the JPEG has no frame header (corrupt file?)" };
  }
  return { ok: false, message: "the logo must be a PNG or JPEG image" };
}
