/**
 * Stands in for fast-png (and the pako it brings, ~100 KB of Code.js) in the Gmail bundle: jsPDF decodes PNG
 * images with it, and the add-on draws no logo yet (the settings take none). Fails loudly if a PNG is ever drawn.
 */
export function decode(): never {
  throw new Error("PNG images are not available in the Gmail add-on yet: use a JPEG logo");
}
